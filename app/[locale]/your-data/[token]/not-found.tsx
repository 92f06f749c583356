import { getLocale, getTranslations } from "next-intl/server";
import { BadLinkPage } from "@/app/_components/bad-link-page";

/** A tampered, cut or foreign "your data" link: said plainly, and nothing was looked up or changed. */
export default async function YourDataNotFound() {
  const [t, locale] = await Promise.all([getTranslations("yourData"), getLocale()]);
  return <BadLinkPage title={t("invalidTitle")} body={t("invalidBody")} link={{ href: `/${locale}`, text: t("home"), button: true }} />;
}
