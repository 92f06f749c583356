import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul className="links">
        <li><Link href="/">{t("home")}</Link></li>
        <li><Link href="/petitions">{t("petitions")}</Link></li>
      </ul>
    </>
  );
}
