import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { listDevMail } from "@/db/queries/dev-mailbox";
import { usesDevMailbox } from "@/lib/env";
import { isLocalRequest } from "@/lib/security/local-only";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The embedded default keeps mail here instead of sending it. Absent (404) once a provider is configured. */
export default async function DevMailboxPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  // proxy.ts answers other machines with a 403 page; this holds even if a route slips past it.
  if (!usesDevMailbox() || !isLocalRequest(await headers())) notFound();
  const mail = await listDevMail(await getDb());
  const t = await getTranslations("devMailbox");
  const format = await getFormatter();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="notice">{t("intro")}</p>
      {mail.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("received")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
              </tr>
            </thead>
            <tbody>
              {mail.map((m) => (
                <tr key={m.id}>
                  <td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/${locale}/dev/mailbox/${m.id}`}>{m.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
