import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { stylesheetHref } from "@/app/_components/stylesheet";
import { appUrl } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** Client components get only the namespaces they use, not the whole catalogue. */
const clientNamespaces = ["error", "signForm"] as const;
function clientMessages(messages: Awaited<ReturnType<typeof getMessages>>) {
  return Object.fromEntries(clientNamespaces.filter((n) => n in messages).map((n) => [n, messages[n]]));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    metadataBase: new URL(appUrl()),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("description"),
    openGraph: { siteName: t("siteName"), locale, type: "website" },
    robots: { index: true, follow: true },
    referrer: "no-referrer",
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
  const t = await getTranslations("nav");
  const f = await getTranslations("footer");
  const m = await getTranslations("meta");
  return (
    <html lang={locale}>
      <head>
        <link rel="stylesheet" href={stylesheetHref()} />
        <meta name="color-scheme" content="light dark" />
      </head>
      <body>
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
        <a className="skip-link" href="#content">
          {t("skipToContent")}
        </a>
        <header className="site-header">
          <div className="container header-row">
            <Link href="/" className="brand">
              {m("siteName")}
            </Link>
            <nav aria-label={t("main")}>
              <ul className="nav-list">
                <li><Link href="/">{t("home")}</Link></li>
                <li><Link href="/profile">{t("profile")}</Link></li>
                <li><Link href="/petitions">{t("petitions")}</Link></li>
              </ul>
            </nav>
            <LanguageSwitcher label={t("language")} />
          </div>
        </header>
        <main id="content" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{f("about")}</p>
            <p>{f("privacy")}</p>
          </div>
        </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
