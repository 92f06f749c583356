import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function ConfirmNotFound() {
  const t = await getTranslations("confirm");
  const site = await getTranslations("meta");
  return (
    <>
      <title>{`${t("invalidTitle")} · ${site("siteName")}`}</title>
      <h1>{t("invalidTitle")}</h1>
      <p>{t("invalidBody")}</p>
      <p>
        <Link className="button" href="/petitions" prefetch={false}>
          {t("signAgain")}
        </Link>
      </p>
    </>
  );
}
