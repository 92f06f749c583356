import { getLocale, getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [t, site, locale] = await Promise.all([getTranslations("notFound"), getTranslations("meta"), getLocale()]);
  // A not-found page has no metadata of its own; React puts this <title> in the head.
  return (
    <>
      <title>{`${t("title")} · ${site("siteName")}`}</title>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul className="links">
        <li>
          <a href={`/${locale}`}>{t("home")}</a>
        </li>
        <li>
          <a href={`/${locale}/petitions`}>{t("petitions")}</a>
        </li>
      </ul>
    </>
  );
}
