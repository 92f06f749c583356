import { getLocale, getTranslations } from "next-intl/server";

/** A tampered, made-up or unknown unsubscribe link: say so, change nothing. */
export default async function UnsubscribeNotFound() {
  const [t, site, locale] = await Promise.all([getTranslations("preferences"), getTranslations("meta"), getLocale()]);
  return (
    <>
      <title>{`${t("invalidTitle")} · ${site("siteName")}`}</title>
      <h1>{t("invalidTitle")}</h1>
      <p>{t("invalidBody")}</p>
      <p>
        <a href={`/${locale}/profile`}>{t("invalidLink")}</a>
      </p>
    </>
  );
}
