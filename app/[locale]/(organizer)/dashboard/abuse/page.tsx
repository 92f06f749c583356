import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { listRules } from "@/lib/abuse/manage-rules";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "../../_components/action-button";
import { ActionForm } from "../../_components/action-form";
import { loadOrRefuse } from "../../_components/guard";
import { Notice } from "../../_components/notice";
import { formStrings } from "../../_components/strings";
import { TableWrap } from "../../_components/table-wrap";
import { addAbuseRuleAction, removeAbuseRuleAction } from "../actions";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("abuse.title") };
}

/** Admins only: block and allow lists (lib/abuse/rules.ts). */
export default async function AbusePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const actor = await currentActor();
  const rules = await loadOrRefuse(locale, "/dashboard/abuse", async () => listRules(await getDb(), actor));
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const strings = await formStrings();
  return (
    <>
      <h1>{t("abuse.title")}</h1>
      <Notice value={notice} />
      <p>{t("abuse.intro")}</p>
      <section aria-labelledby="add-rule">
        <h2 id="add-rule">{t("abuse.add")}</h2>
        <ActionForm
          id="abuse-rule-form"
          action={addAbuseRuleAction}
          initial={{ kind: "block", locale }}
          fields={[
            {
              kind: "select",
              name: "kind",
              label: t("abuse.kind"),
              options: [
                { value: "block", label: t("abuse.kinds.block") },
                { value: "allow", label: t("abuse.kinds.allow") },
              ],
            },
            { kind: "text", name: "pattern", label: t("abuse.pattern"), hint: t("abuse.patternHint"), required: true, maxLength: 300, autoComplete: "off" },
            { kind: "text", name: "note", label: t("abuse.note"), hint: t("abuse.noteHint"), maxLength: 200, autoComplete: "off" },
          ]}
          strings={{ ...strings, submit: t("abuse.submit") }}
        />
      </section>
      <section aria-labelledby="rules">
        <h2 id="rules">{t("abuse.rules")}</h2>
        {rules.length === 0 ? (
          <p>{t("abuse.empty")}</p>
        ) : (
          <TableWrap label={t("abuse.rules")}>
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t("abuse.kind")}</th>
                  <th scope="col">{t("abuse.pattern")}</th>
                  <th scope="col">{t("abuse.note")}</th>
                  <th scope="col">{t("abuse.added")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("people.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("abuse.kind")}>{t(`abuse.kinds.${r.kind}`)}</td>
                    <td data-label={t("abuse.pattern")}>
                      <code>{r.display}</code> <span className="hint">({t(`abuse.types.${r.type}`)})</span>
                    </td>
                    <td data-label={t("abuse.note")}>{r.note || "—"}</td>
                    <td data-label={t("abuse.added")}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>
                      <ActionButton action={removeAbuseRuleAction} hidden={{ ruleId: r.id }} label={t("abuse.remove")} pending={t("form.saving")} danger />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
