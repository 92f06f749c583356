import { getLocale, getTranslations } from "next-intl/server";

export default async function ConfirmNotFound() {
  const [t, site, locale] = await Promise.all([getTranslations("confirm"), getTranslations("meta"), getLocale()]);
  return (
    <>
      <title>{`${t("invalidTitle")} · ${site("siteName")}`}</title>
      <h1>{t("invalidTitle")}</h1>
      <p>{t("invalidBody")}</p>
      <p>
        <a className="button" href={`/${locale}/petitions`}>
          {t("signAgain")}
        </a>
      </p>
    </>
  );
}
