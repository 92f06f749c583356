import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ErrorStringsProvider } from "@/app/_components/error-strings";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { enhanceScriptHref, stylesheetHref } from "@/app/_components/stylesheet";
import { appUrl } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { translator } from "@/lib/i18n/translator";

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
  // proxy.ts passes the page's path: the language links are plain HTML, no JavaScript.
  const requestHeaders = await headers();
  const path = (requestHeaders.get("x-qoldau-path") ?? "").replace(/^\/[a-z]{2}(?=\/|$)/, "");
  // Plain <a>, not next/link: a click loads the page as a document, which the shared page cache answers, where a
  // client navigation would fetch an RSC payload rendered for each visitor (and next/link costs JavaScript).
  return (
    <html lang={locale}>
      <head>
        <link rel="stylesheet" href={stylesheetHref()} />
        <meta name="color-scheme" content="light dark" />
        {/* The only script a public page keeps (scripts/scriptless.mjs takes Next's own out of them). */}
        <script src={enhanceScriptHref()} nonce={requestHeaders.get("x-nonce") ?? undefined} defer />
      </head>
      <body>
        <ErrorStringsProvider
          strings={{ title: t("error.title"), body: t("error.body"), retry: t("error.retry"), home: t("error.home"), homeHref: `/${locale}` }}
        >
        <a className="skip-link" href="#content">
          {t("nav.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container header-row">
            <a href={`/${locale}`} className="brand">
              {t("meta.siteName")}
            </a>
            <nav aria-label={t("nav.main")}>
              <ul className="nav-list">
                <li className="nav-home"><a href={`/${locale}`}>{t("nav.home")}</a></li>
                <li><a href={`/${locale}/profile`}>{t("nav.profile")}</a></li>
                <li><a href={`/${locale}/petitions`}>{t("nav.petitions")}</a></li>
                <li><a href={`/${locale}/rallies`}>{t("nav.rallies")}</a></li>
                <li><a href={`/${locale}/updates`}>{t("nav.updates")}</a></li>
              </ul>
            </nav>
            <LanguageSwitcher label={t("nav.language")} current={locale} path={path} />
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
        </ErrorStringsProvider>
      </body>
    </html>
  );
}
