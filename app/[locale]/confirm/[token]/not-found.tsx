import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function ConfirmNotFound() {
  const t = await getTranslations("confirm");
  return (
    <>
      <h1>{t("invalidTitle")}</h1>
      <p>{t("invalidBody")}</p>
      <p>
        <Link className="button" href="/petitions">
          {t("signAgain")}
        </Link>
      </p>
    </>
  );
}
