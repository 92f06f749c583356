import "server-only";
import { getTranslations } from "next-intl/server";
import type { UpdateWithTexts } from "@/db/queries/updates";
import { locales } from "@/lib/i18n/locales";
import { MAX_BODY_CHARS } from "@/lib/updates/markdown";
import type { FieldSpec } from "./action-form";

/** An update's fields: the language for everyone else, then a title and a Markdown body in each language. */
export async function updateFields(hidden: FieldSpec[]): Promise<FieldSpec[]> {
  const t = await getTranslations("dashboard.updateFields");
  const languages = await getTranslations("dashboard.form.languages");
  return [
    ...hidden,
    { kind: "select", name: "defaultLocale", label: t("defaultLocale"), hint: t("defaultLocaleHint"), options: locales.map((l) => ({ value: l, label: languages(l) })) },
    { kind: "localized", name: "title", label: t("title"), maxLength: 200 },
    { kind: "localized", name: "body", label: t("body"), hint: t("bodyHint", { max: MAX_BODY_CHARS }), rows: 10, maxLength: MAX_BODY_CHARS },
  ];
}

export function updateFormValues(u: Pick<UpdateWithTexts, "texts" | "defaultLocale">) {
  const of = (k: "title" | "body") => Object.fromEntries(locales.map((l) => [l, u.texts[l]?.[k] ?? ""]));
  return { defaultLocale: u.defaultLocale, title: of("title"), body: of("body") };
}
