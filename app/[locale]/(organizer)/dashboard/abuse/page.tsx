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
import { StackTable } from "../../_components/stack-table";
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
          <StackTable
            label={t("abuse.flags.title")}
            rows={flags}
            rowKey={({ flag }) => flag.id}
            rowTestId={() => "abuse-flag"}
            columns={[
              {
                label: t("abuse.flags.subject"),
                cell: ({ flag }) => (
                  <>
                    <code>{flagDisplay(flag)}</code> <span className="hint">({t(`abuse.flags.kinds.${flag.kind}`)})</span>
                  </>
                ),
              },
              { label: t("abuse.flags.petition"), cell: ({ petitionTitle }) => pick(petitionTitle, locale) },
              { label: t("abuse.flags.signatures"), cell: ({ flag }) => format.number(flag.signatures) },
              { label: t("abuse.flags.window"), cell: ({ flag }) => format.dateTime(flag.windowStart, { dateStyle: "medium", timeStyle: "short" }) },
              { label: t("abuse.flags.state"), cell: ({ flag }) => t(`abuse.flags.${flag.resolution ?? "open"}`) },
              {
                label: t("people.actions"),
                actions: true,
                cell: ({ flag }) =>
                  !flag.resolvedAt && (
                    <div className="actions-row">
                      <ActionButton action={blockAbuseFlagAction} hidden={{ flagId: flag.id }} label={t("abuse.flags.block")} pending={t("form.saving")} danger />
                      <ActionButton action={dismissAbuseFlagAction} hidden={{ flagId: flag.id }} label={t("abuse.flags.dismiss")} pending={t("form.saving")} />
                    </div>
                  ),
              },
            ]}
          />
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
          <StackTable
            label={t("abuse.rules")}
            rows={rules}
            rowKey={(r) => r.id}
            columns={[
              { label: t("abuse.kind"), cell: (r) => t(`abuse.kinds.${r.kind}`) },
              {
                label: t("abuse.pattern"),
                cell: (r) => (
                  <>
                    <code>{r.display}</code> <span className="hint">({t(`abuse.types.${r.type}`)})</span>
                  </>
                ),
              },
              { label: t("abuse.note"), cell: (r) => r.note || "—" },
              { label: t("abuse.added"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
              {
                label: t("people.actions"),
                actions: true,
                cell: (r) => <ActionButton action={removeAbuseRuleAction} hidden={{ ruleId: r.id }} label={t("abuse.remove")} pending={t("form.saving")} danger />,
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
