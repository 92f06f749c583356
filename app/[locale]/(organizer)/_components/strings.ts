import "server-only";
import { getTranslations } from "next-intl/server";

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
