import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { stylesheetHref } from "@/app/_components/stylesheet";
import { appUrl } from "@/lib/env";
import { type Locale, timeZone } from "@/lib/i18n/locales";
import { routing } from "@/lib/i18n/routing";
import { catalogues, translator } from "@/lib/i18n/translator";

/** Client components here get only what they use: the error boundary's strings (the sign form gets its own). */
const clientMessages = (locale: Locale) => ({ error: catalogues[locale].error });

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = translator(locale);
  return {
    metadataBase: new URL(appUrl()),
    title: { default: t("meta.siteName"), template: `%s · ${t("meta.siteName")}` },
    description: t("meta.description"),
    openGraph: { siteName: t("meta.siteName"), locale, type: "website" },
    robots: { index: true, follow: true },
    referrer: "no-referrer",
    // No icon of our own: an empty one stops browsers asking for /favicon.ico, a 404 rendered on every visit.
    icons: { icon: "data:," },
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = translator(locale);
  // prefetch={false}: our pages are rendered per request (CSP nonce), so a prefetch is a server render
  // of its own (two requests per link in view) that the click would not use.
  return (
    <html lang={locale}>
      <head>
        <link rel="stylesheet" href={stylesheetHref()} />
        <meta name="color-scheme" content="light dark" />
      </head>
      <body>
        <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={clientMessages(locale)}>
        <a className="skip-link" href="#content">
          {t("nav.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container header-row">
            <Link href={`/${locale}`} className="brand" prefetch={false}>
              {t("meta.siteName")}
            </Link>
            <nav aria-label={t("nav.main")}>
              <ul className="nav-list">
                <li className="nav-home"><Link href={`/${locale}`} prefetch={false}>{t("nav.home")}</Link></li>
                <li><Link href={`/${locale}/profile`} prefetch={false}>{t("nav.profile")}</Link></li>
                <li><Link href={`/${locale}/petitions`} prefetch={false}>{t("nav.petitions")}</Link></li>
                <li><Link href={`/${locale}/rallies`} prefetch={false}>{t("nav.rallies")}</Link></li>
              </ul>
            </nav>
            <LanguageSwitcher label={t("nav.language")} />
          </div>
        </header>
        <main id="content" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("footer.about")}</p>
            <p>{t("footer.privacy")}</p>
          </div>
        </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
