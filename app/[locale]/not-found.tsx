import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const site = await getTranslations("meta");
  // A not-found page has no metadata of its own; React puts this <title> in the head.
  return (
    <>
      <title>{`${t("title")} · ${site("siteName")}`}</title>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul className="links">
        <li>
          <Link href="/" prefetch={false}>
            {t("home")}
          </Link>
        </li>
        <li>
          <Link href="/petitions" prefetch={false}>
            {t("petitions")}
          </Link>
        </li>
      </ul>
    </>
  );
}
