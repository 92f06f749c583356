import "server-only";
import { getTranslations } from "next-intl/server";
import type { FieldSpec } from "./action-form";

/** The fields of a petition draft, written in three languages. */
export async function petitionFields(hidden: FieldSpec[]): Promise<FieldSpec[]> {
  const t = await getTranslations("dashboard.fields");
  return [
    ...hidden,
    { kind: "localized", name: "title", label: t("petitionTitle"), hint: t("petitionTitleHint"), maxLength: 200 },
    { kind: "localized", name: "target", label: t("target"), hint: t("targetHint"), maxLength: 300 },
    { kind: "localized", name: "summary", label: t("summary"), hint: t("summaryHint"), rows: 3, maxLength: 600 },
    { kind: "localized", name: "body", label: t("body"), hint: t("bodyHint"), rows: 10, maxLength: 20000 },
    { kind: "text", name: "slug", label: t("petitionSlug"), hint: t("slugHint"), maxLength: 80, required: true },
    { kind: "number", name: "goal", label: t("goal"), hint: t("goalHint"), required: true },
    { kind: "date", name: "deadline", label: t("deadline"), hint: t("deadlineHint") },
  ];
}

export async function petitionFieldLabels(): Promise<Record<string, string>> {
  const t = await getTranslations("dashboard.fields");
  return { title: t("petitionTitle"), target: t("target"), summary: t("summary"), body: t("body") };
}
