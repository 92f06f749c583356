"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/locales";

const names = { ru: "Русский", kk: "Қазақша", en: "English" } as const;

/** Plain links to the same page in each language: works without JavaScript. */
export function LanguageSwitcher({ label }: { label: string }) {
  const pathname = usePathname();
  const current = useLocale();
  return (
    <nav aria-label={label} className="lang-switcher">
      <ul>
        {locales.map((l) => (
          <li key={l}>
            <Link
              href={pathname}
              locale={l}
              lang={l}
              hrefLang={l}
              prefetch={false}
              aria-current={l === current ? "true" : undefined}
            >
              {names[l]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
