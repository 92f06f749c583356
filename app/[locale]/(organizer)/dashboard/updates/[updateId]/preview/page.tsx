import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { MarkdownBlocks } from "@/emails/components/markdown";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, type Locale, locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { authorizeUpdate } from "@/lib/updates/authorize-update";
import { previewUpdateEmail } from "@/lib/updates/send-update-email";
import { loadOrRefuse } from "../../../../_components/guard";
import { formStrings } from "../../../../_components/strings";

type Props = { params: Promise<{ locale: Locale; updateId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("update.previewHeading") };
}

/**
 * The update as the email a subscriber in `?lang=` gets: its subject, its HTML part (the same tree, in the
 * page's styles: the site's CSP forbids the email's inline styles) and its exact plain-text part.
 */
export default async function UpdatePreviewPage({ params, searchParams }: Props) {
  const { locale, updateId } = await params;
  setRequestLocale(locale);
  await connection();
  const { lang } = await searchParams;
  const mailLocale: Locale = isLocale(lang) ? lang : locale;
  // Back to this very preview after signing in.
  const path = `/dashboard/updates/${updateId}/preview${isLocale(lang) ? `?lang=${lang}` : ""}`;
  const preview = await loadOrRefuse(locale, path, async () => {
    const db = await getDb();
    await authorizeUpdate(db, await currentActor(), updateId);
    const p = await previewUpdateEmail(db, updateId, mailLocale);
    if (!p) throw new AppError("not_found");
    return p;
  });
  const t = await getTranslations("dashboard");
  const languages = (await formStrings()).languages;
  const mail = translator(preview.locale);
  return (
    <>
      <p>
        <Link href={`/dashboard/updates/${updateId}`}>← {t("update.title")}</Link>
      </p>
      <h1>{t("update.previewHeading")}</h1>
      <p className="links-row">
        {locales.map((l) => (
          <Link key={l} href={`/dashboard/updates/${updateId}/preview?lang=${l}`} aria-current={l === mailLocale ? "page" : undefined}>
            {languages[l]}
          </Link>
        ))}
      </p>
      {preview.locale !== mailLocale && <p className="notice">{t("update.previewFallback", { language: languages[preview.locale] })}</p>}
      <dl>
        <dt>{t("update.previewSubject")}</dt>
        <dd data-testid="preview-subject">{preview.subject}</dd>
      </dl>
      <h2>{t("update.previewHtml")}</h2>
      <article className="mail-preview" lang={preview.locale} data-testid="preview-html">
        <h3>{preview.props.title}</h3>
        <MarkdownBlocks blocks={preview.props.blocks} headingOffset={2} />
        <p>
          <a href={preview.props.updateUrl}>{mail("updateEmail.onTheSite")}</a>
        </p>
        <p className="muted">
          {mail("updateEmail.preferences")} · {mail("updateEmail.unsubscribe")}
        </p>
      </article>
      <h2>{t("update.previewText")}</h2>
      <pre className="mail-text" lang={preview.locale} data-testid="preview-text">
        {preview.text}
      </pre>
    </>
  );
}
