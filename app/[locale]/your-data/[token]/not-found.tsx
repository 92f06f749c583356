import { getLocale, getTranslations } from "next-intl/server";

/** A tampered, cut or foreign "your data" link: said plainly, and nothing was looked up or changed. */
export default async function YourDataNotFound() {
  const [t, site, locale] = await Promise.all([getTranslations("yourData"), getTranslations("meta"), getLocale()]);
  return (
    <>
      <title>{`${t("invalidTitle")} · ${site("siteName")}`}</title>
      <h1>{t("invalidTitle")}</h1>
      <p>{t("invalidBody")}</p>
      <p>
        <a className="button" href={`/${locale}`}>
          {t("home")}
        </a>
      </p>
    </>
  );
}
