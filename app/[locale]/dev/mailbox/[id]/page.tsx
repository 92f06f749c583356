import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { findDevMail } from "@/db/queries/dev-mailbox";
import { linkify } from "@/lib/email/linkify";
import { usesDevMailbox } from "@/lib/env";
import { isLocalRequest } from "@/lib/security/local-only";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** One stored email as text, with its links clickable; the HTML version opens sandboxed. */
export default async function DevMailPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await connection();
  const parsed = z.uuid().safeParse(id);
  if (!usesDevMailbox() || !parsed.success || !isLocalRequest(await headers())) notFound();
  const mail = await findDevMail(await getDb(), parsed.data);
  if (!mail) notFound();
  const t = await getTranslations("devMailbox");
  const parts = linkify(mail.text);
  return (
    <>
      <p>
        <a href={`/${locale}/dev/mailbox`}>{t("back")}</a>
      </p>
      <h1>{mail.subject}</h1>
      <p>
        {t("to")}: {mail.to}
      </p>
      <p>
        <a href={`/api/dev/mailbox/${mail.id}`}>{t("html")}</a>
      </p>
      <pre className="mail-text" data-testid="mail-text">
        {parts.map((part, i) => (part.href ? <a key={i} href={part.href}>{part.text}</a> : part.text))}
      </pre>
    </>
  );
}
