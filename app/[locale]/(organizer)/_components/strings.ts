import "server-only";
import { getTranslations } from "next-intl/server";
import { type Locale, locales } from "@/lib/i18n/locales";

/** The strings every dashboard form needs, in the page's language. */
export async function formStrings() {
  const t = await getTranslations("dashboard.form");
  return {
    submit: t("save"),
    pending: t("saving"),
    errorSummary: t("errorSummary"),
    languages: { ru: t("languages.ru"), kk: t("languages.kk"), en: t("languages.en") },
  };
}

/** `{ "title.kk": "Title (Қазақша)" }` for each field and language, to name the field an error is about. */
export function localizedLabels(fields: Record<string, string>, languages: Record<Locale, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, label]) => locales.map((l) => [`${name}.${l}`, `${label} (${languages[l]})`])),
  );
}
