import { render } from "@react-email/render";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { stylesheetHref } from "./stylesheet";

/**
 * A whole page rendered in a route handler, so a form posted without JavaScript can come back with its
 * messages under a 4xx status: the sign form's (sign-error-page.tsx), the RSVP form's and the HTTP boundary's error pages.
 */
export async function renderStandalonePage(p: { locale: Locale; title: string; heading: string; back: { href: string; text: string }; children: ReactNode }): Promise<string> {
  const t = translator(p.locale);
  const markup = await render(
    <html lang={p.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · ${t("meta.siteName")}`}</title>
        <link rel="stylesheet" href={stylesheetHref()} />
      </head>
      <body>
        <header className="site-header">
          <div className="container header-row">
            <a href={`/${p.locale}`} className="brand">
              {t("meta.siteName")}
            </a>
          </div>
        </header>
        <main id="content" className="container">
          <p>
            <a href={p.back.href}>{p.back.text}</a>
          </p>
          <h1>{p.heading}</h1>
          {p.children}
        </main>
      </body>
    </html>,
  );
  return markup.replace(/^<!DOCTYPE[^>]*>/i, "");
}
