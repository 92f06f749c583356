import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import en from "./en.json";
import kk from "./kk.json";
import ru from "./ru.json";

type Catalogue = { [key: string]: string | Catalogue };
const catalogues: Record<(typeof locales)[number], Catalogue> = { en, ru, kk };

/** "petitions.state.draft" → message, for every leaf. */
function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// The AST element shapes we look at (intl-messageformat's parser types are not a direct dependency).
type Element = {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
  pluralType?: "cardinal" | "ordinal";
};
const ARGUMENT = 1, NUMBER = 2, DATE = 3, TIME = 4, SELECT = 5, PLURAL = 6, TAG = 8;
const typeName: Record<number, string> = { 1: "", 2: "number", 3: "date", 4: "time", 5: "select", 6: "plural", 8: "tag" };

/** Every argument and tag a message uses, with its type ("count:plural", "target", "b:tag"). */
function argumentsOf(elements: Element[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ([ARGUMENT, NUMBER, DATE, TIME, SELECT, PLURAL, TAG].includes(el.type)) {
      out.add(typeName[el.type] ? `${String(el.value)}:${typeName[el.type]}` : String(el.value));
    }
    for (const option of Object.values(el.options ?? {})) argumentsOf(option.value, out);
    if (el.children) argumentsOf(el.children, out);
  }
  return out;
}

/** Plural categories a message uses other than exact matches (=0), e.g. "few". */
function pluralCategories(elements: Element[], out: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === PLURAL) out.push(...Object.keys(el.options ?? {}).filter((k) => !k.startsWith("=")));
    for (const option of Object.values(el.options ?? {})) pluralCategories(option.value, out);
    if (el.children) pluralCategories(el.children, out);
  }
  return out;
}

const flat = Object.fromEntries(locales.map((l) => [l, flatten(catalogues[l])])) as Record<
  (typeof locales)[number],
  Map<string, string>
>;

describe("message catalogues", () => {
  it.each(locales)("%s has exactly the keys of every other catalogue", (locale) => {
    for (const other of locales) {
      const missing = [...flat[other].keys()].filter((k) => !flat[locale].has(k));
      expect(missing, `keys in ${other}.json missing from ${locale}.json`).toEqual([]);
    }
  });

  it.each(locales)("every %s message is non-empty and parses as ICU", (locale) => {
    const broken: string[] = [];
    for (const [key, message] of flat[locale]) {
      if (!message.trim()) broken.push(`${key}: empty`);
      try {
        new IntlMessageFormat(message, locale);
      } catch (error) {
        broken.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("every message takes the same arguments in every language", () => {
    const mismatched: string[] = [];
    for (const key of flat.en.keys()) {
      const byLocale = locales.map((l) => {
        const message = flat[l].get(key);
        if (message === undefined) return [l, ""] as const;
        const args = argumentsOf(new IntlMessageFormat(message, l).getAst() as Element[]);
        return [l, [...args].sort().join(", ")] as const;
      });
      if (new Set(byLocale.map(([, args]) => args)).size > 1) {
        mismatched.push(`${key}: ${byLocale.map(([l, args]) => `${l}(${args})`).join(" ")}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("plural messages use only the plural categories of their language", () => {
    const wrong: string[] = [];
    for (const l of locales) {
      const allowed = new Set(new Intl.PluralRules(l).resolvedOptions().pluralCategories);
      for (const [key, message] of flat[l]) {
        const used = pluralCategories(new IntlMessageFormat(message, l).getAst() as Element[]);
        for (const category of used) if (!allowed.has(category as Intl.LDMLPluralRule)) wrong.push(`${l} ${key}: ${category}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("formats a plural count in each language", () => {
    const format = (l: (typeof locales)[number], count: number) =>
      new IntlMessageFormat(flat[l].get("petitions.count") ?? "", l).format({ count });
    expect(format("en", 1)).toBe("1 signature");
    expect(format("ru", 3)).toBe("3 подписи");
    expect(format("ru", 5)).toBe("5 подписей");
    expect(format("kk", 0)).not.toMatch(/\d/);
  });
});
