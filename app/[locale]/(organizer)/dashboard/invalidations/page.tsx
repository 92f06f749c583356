import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { bulkInvalidationPage, previewBulkInvalidation } from "@/lib/abuse/bulk-invalidate";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { bulkFilterSchema } from "@/lib/validation/abuse";
import { ActionButton } from "../../_components/action-button";
import { loadOrRefuse } from "../../_components/guard";
import { Notice } from "../../_components/notice";
import { StackTable } from "../../_components/stack-table";
import { reverseBulkInvalidationAction, runBulkInvalidationAction } from "../actions";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("invalidations.title") };
}

const filterFields = ["petitionId", "name", "domain", "clientHash", "from", "to"] as const;

/**
 * Admins only: bulk invalidation (lib/abuse/bulk-invalidate.ts). The filter is a GET form: previewing changes
 * nothing. The run is a POST carrying the filter and the count previewed (a changed count refuses it); each run
 * can be reversed for 7 days.
 */
export default async function InvalidationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const query = await searchParams;
  const actor = await currentActor();
  const db = await getDb();
  const { petitions, runs } = await loadOrRefuse(locale, "/dashboard/invalidations", () => bulkInvalidationPage(db, actor));
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const values = Object.fromEntries(filterFields.map((k) => [k, typeof query[k] === "string" ? (query[k] as string) : ""])) as Record<(typeof filterFields)[number], string>;
  const asked = values.petitionId !== "";
  const parsed = asked ? bulkFilterSchema.safeParse(values) : null;
  const preview = parsed?.success ? await previewBulkInvalidation(db, actor, parsed.data) : null;
  const errors = parsed && !parsed.success ? parsed.error.issues.map((i) => `${t(`invalidations.fields.${String(i.path[0] ?? "name")}` as "invalidations.fields.name")}: ${t(`errors.${i.message}` as "errors.summary")}`) : [];
  const field = (name: Exclude<(typeof filterFields)[number], "petitionId">, type = "text") => (
    <div className="field">
      <label htmlFor={`bulk-${name}`}>{t(`invalidations.fields.${name}`)}</label>
      <input id={`bulk-${name}`} name={name} type={type} defaultValue={values[name]} autoComplete="off" maxLength={253} aria-describedby={`bulk-${name}-hint`} />
      <p className="hint" id={`bulk-${name}-hint`}>
        {t(`invalidations.hints.${name}`)}
      </p>
    </div>
  );
  const filterText = (f: Record<string, string | undefined>) =>
    filterFields
      .filter((k) => k !== "petitionId" && f[k])
      .map((k) => `${t(`invalidations.fields.${k}`)}: ${f[k]}`)
      .join("; ");
  return (
    <>
      <h1>{t("invalidations.title")}</h1>
      <Notice value={query.notice} />
      <p>{t("invalidations.intro")}</p>
      <section aria-labelledby="bulk-filter">
        <h2 id="bulk-filter">{t("invalidations.filter")}</h2>
        <form method="get" className="dashboard-form">
          <div className="field">
            <label htmlFor="bulk-petitionId">{t("invalidations.fields.petitionId")}</label>
            <select id="bulk-petitionId" name="petitionId" defaultValue={values.petitionId} required>
              <option value="">{t("invalidations.choose")}</option>
              {petitions.map((p) => (
                <option key={p.id} value={p.id}>
                  {pick(p.title, locale)} ({p.slug})
                </option>
              ))}
            </select>
          </div>
          {field("name")}
          {field("domain")}
          {field("clientHash")}
          {field("from", "date")}
          {field("to", "date")}
          <button type="submit" className="button button-primary">
            {t("invalidations.preview")}
          </button>
        </form>
        {errors.length > 0 && (
          <div className="notice notice-error" role="alert">
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {preview && parsed?.success && (
          <div className="notice" role="status" data-testid="bulk-preview">
            <p>{t("invalidations.matches", { total: preview.total, confirmed: preview.confirmed, pending: preview.total - preview.confirmed })}</p>
            {preview.total > 0 && (
              <ActionButton
                action={runBulkInvalidationAction}
                hidden={{ ...Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined) as [string, string][]), expected: preview.total }}
                label={t("invalidations.run", { total: preview.total })}
                pending={t("form.saving")}
                danger
              />
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="bulk-runs">
        <h2 id="bulk-runs">{t("invalidations.runs")}</h2>
        {runs.length === 0 ? (
          <p>{t("invalidations.empty")}</p>
        ) : (
          <StackTable
            label={t("invalidations.runs")}
            rows={runs}
            rowKey={(r) => r.id}
            columns={[
              {
                label: t("invalidations.when"),
                cell: (r) => (
                  <>
                    {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    {r.by ? <span className="hint"> ({r.by})</span> : null}
                  </>
                ),
              },
              { label: t("invalidations.fields.petitionId"), cell: (r) => (r.petitionTitle ? pick(r.petitionTitle, locale) : "—") },
              { label: t("invalidations.filter"), cell: (r) => filterText(r.filter) },
              { label: t("invalidations.count"), cell: (r) => r.invalidated },
              {
                label: t("invalidations.status"),
                cell: (r) =>
                  r.reversedAt ? (
                    t("invalidations.reversed", { date: format.dateTime(r.reversedAt, { dateStyle: "medium" }), restored: r.restored ?? 0 })
                  ) : r.reversible ? (
                    <>
                      <p>{t("invalidations.reversibleUntil", { date: format.dateTime(r.reversibleUntil, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                      <ActionButton action={reverseBulkInvalidationAction} hidden={{ invalidationId: r.id }} label={t("invalidations.reverse")} pending={t("form.saving")} />
                    </>
                  ) : (
                    t("invalidations.final")
                  ),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
