import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { readAuditLog } from "@/lib/audit/read-audit-log";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { loadOrRefuse } from "../../_components/guard";
import { TableWrap } from "../../_components/table-wrap";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("audit.title") };
}

/** Admins only: who did what, when, newest first. */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const { before } = await searchParams;
  const beforeDate = typeof before === "string" && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const { entries, more } = await loadOrRefuse(locale, "/dashboard/audit", async () => readAuditLog(await getDb(), await currentActor(), { before: beforeDate }));
  const t = await getTranslations("dashboard.audit");
  const format = await getFormatter();
  const last = entries[entries.length - 1];
  const kind = (type: string) => (t.has(`entities.${type}`) ? t(`entities.${type}` as "entities.petition") : type);
  /** What the entry is about, by name: "Petition: Drop the charges", "Campaign: …", "Account: …". */
  const record = (e: (typeof entries)[number]) => {
    const name = e.petitionTitle ? pick(e.petitionTitle, locale) : e.subjectEmail ?? (e.campaignName ? pick(e.campaignName, locale) : "");
    const type = e.entityType === "signature" || e.entityType === "petition" ? e.entityType : e.subjectEmail ? "user" : e.entityType;
    return name ? `${kind(type)}: ${name}` : kind(type);
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableWrap label={t("title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("which")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </td>
                  <td>{e.actorEmail ?? t("system")}</td>
                  <td>{t.has(`actions.${e.action.replace(/\./g, "_")}`) ? t(`actions.${e.action.replace(/\./g, "_")}` as "actions.sign_in") : e.action}</td>
                  <td>{record(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {more && last && (
        <p>
          <Link href={`/dashboard/audit?before=${encodeURIComponent(last.at.toISOString())}`}>{t("older")}</Link>
        </p>
      )}
    </>
  );
}
