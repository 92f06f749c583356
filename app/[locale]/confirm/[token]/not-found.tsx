import { getLocale, getTranslations } from "next-intl/server";
import { BadLinkPage } from "@/app/_components/bad-link-page";

/** A confirmation link that names no signature: sign again from the petitions. */
export default async function ConfirmNotFound() {
  const [t, locale] = await Promise.all([getTranslations("confirm"), getLocale()]);
  return <BadLinkPage title={t("invalidTitle")} body={t("invalidBody")} link={{ href: `/${locale}/petitions`, text: t("signAgain"), button: true }} />;
}
