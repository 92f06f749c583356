import { IntlMessageFormat } from "intl-messageformat";
import { seedContent } from "../../db/seed-content";
import en from "../../messages/en.json";
import kk from "../../messages/kk.json";
import ru from "../../messages/ru.json";

/** What a supporter should see, in each language: the catalogues and the seeded campaign. */
import { type Locale, locales } from "../../lib/i18n/locales";

export { type Locale, locales };

const catalogues = { ru, kk, en } as const;
export const campaign = seedContent;
export const petitionSlug = seedContent.petition.slug;

/** A message from messages/<locale>.json, formatted like next-intl does ("petitions.count", { count: 0 }). */
export function t(locale: Locale, key: string, values?: Record<string, string | number>): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`no message ${key} in ${locale}.json`);
  return String(new IntlMessageFormat(node, locale).format(values));
}

/** Dates as the pages write them (checked by hand against each language's usual form). */
export const dates = {
  born: { ru: "3 марта 1969 г.", kk: "1969 ж. 3 наурыз", en: "March 3, 1969" },
  questioned: { ru: "20 июля 2020 г.", kk: "2020 ж. 20 шілде", en: "July 20, 2020" },
} satisfies Record<string, Record<Locale, string>>;

/** Every public page, in a locale: path after /<locale>, and the status it answers. */
export const pages = [
  { name: "home", path: "", status: 200 },
  { name: "profile", path: "/profile", status: 200 },
  { name: "petitions", path: "/petitions", status: 200 },
  { name: "petition", path: `/petitions/${petitionSlug}`, status: 200 },
  { name: "not found", path: "/petitions/no-such-petition", status: 404 },
] as const;

export const everyPage = locales.flatMap((locale) =>
  pages.map((page) => ({ ...page, locale, url: `/${locale}${page.path}` })),
);
