import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { flagDisplay, listFlags } from "@/lib/abuse/flags";
import { listRules } from "@/lib/abuse/manage-rules";
import { pick } from "@/lib/i18n/localized";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "../../_components/action-button";
import { ActionForm } from "../../_components/action-form";
import { loadOrRefuse } from "../../_components/guard";
import { Notice } from "../../_components/notice";
import { formStrings } from "../../_components/strings";
import { TableWrap } from "../../_components/table-wrap";
import { addAbuseRuleAction, blockAbuseFlagAction, dismissAbuseFlagAction, removeAbuseRuleAction } from "../actions";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("abuse.title") };
}

/** Admins only: the hourly flags (lib/abuse/flags.ts), then the block and allow lists (lib/abuse/rules.ts). */
export default async function AbusePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const actor = await currentActor();
  const [rules, flags] = await loadOrRefuse(locale, "/dashboard/abuse", async () => Promise.all([listRules(await getDb(), actor), listFlags(await getDb(), actor)]));
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const strings = await formStrings();
  return (
    <>
      <h1>{t("abuse.title")}</h1>
      <Notice value={notice} />
      <p>{t("abuse.intro")}</p>
      <section aria-labelledby="flags">
        <h2 id="flags">{t("abuse.flags.title")}</h2>
        <p>{t("abuse.flags.intro")}</p>
        {flags.length === 0 ? (
          <p>{t("abuse.flags.empty")}</p>
        ) : (
          <TableWrap label={t("abuse.flags.title")}>
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t("abuse.flags.subject")}</th>
                  <th scope="col">{t("abuse.flags.petition")}</th>
                  <th scope="col">{t("abuse.flags.signatures")}</th>
                  <th scope="col">{t("abuse.flags.window")}</th>
                  <th scope="col">{t("abuse.flags.state")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("people.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {flags.map(({ flag, petitionTitle }) => (
                  <tr key={flag.id} data-testid="abuse-flag">
                    <td data-label={t("abuse.flags.subject")}>
                      <code>{flagDisplay(flag)}</code> <span className="hint">({t(`abuse.flags.kinds.${flag.kind}`)})</span>
                    </td>
                    <td data-label={t("abuse.flags.petition")}>{pick(petitionTitle, locale)}</td>
                    <td data-label={t("abuse.flags.signatures")}>{format.number(flag.signatures)}</td>
                    <td data-label={t("abuse.flags.window")}>{format.dateTime(flag.windowStart, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td data-label={t("abuse.flags.state")}>{t(`abuse.flags.${flag.resolution ?? "open"}`)}</td>
                    <td>
                      {!flag.resolvedAt && (
                        <div className="actions-row">
                          <ActionButton action={blockAbuseFlagAction} hidden={{ flagId: flag.id }} label={t("abuse.flags.block")} pending={t("form.saving")} danger />
                          <ActionButton action={dismissAbuseFlagAction} hidden={{ flagId: flag.id }} label={t("abuse.flags.dismiss")} pending={t("form.saving")} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
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
