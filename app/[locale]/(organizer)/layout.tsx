import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { timeZone } from "@/lib/i18n/locales";

/**
 * The organizer pages' client components (forms, buttons, next-intl's Link) read the locale from next-intl's
 * provider. Public pages have none: their JavaScript stays next-intl-free (see app/[locale]/layout.tsx).
 */
export default async function OrganizerLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={{}}>
      {children}
    </NextIntlClientProvider>
  );
}
