import { type Locale, locales } from "@/lib/i18n/locales";

const names = { ru: "Русский", kk: "Қазақша", en: "English" } as const;

/** Plain links to the same page in each language: no JavaScript. `path` is the page's path after its locale. */
export function LanguageSwitcher({ label, current, path }: { label: string; current: Locale; path: string }) {
  return (
    <nav aria-label={label} className="lang-switcher">
      <ul>
        {locales.map((l) => (
          <li key={l}>
            <a href={`/${l}${path}`} lang={l} hrefLang={l} aria-current={l === current ? "true" : undefined}>
              {names[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
