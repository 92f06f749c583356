import { Link, Text } from "@react-email/components";
import { appUrl } from "@/lib/env";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { emailTranslator } from "@/lib/i18n/translator";
import { YOUR_DATA_TOKEN } from "@/lib/your-data/link";

/**
 * The "your data" link at the foot of every email (transactional ones too): the recipient's own page to withdraw
 * a signature, stop all email, download or delete what we hold. The sender puts each recipient's signed token in
 * place of the placeholder (lib/email/sender.ts renderEmail), so a template rendered once serves everyone.
 */
export function YourDataFooter({ lang, style }: { lang: string; style: Record<string, string> }) {
  const locale = isLocale(lang) ? lang : defaultLocale;
  const t = emailTranslator(locale);
  const href = `${appUrl()}/${locale}/your-data/${YOUR_DATA_TOKEN}`;
  return (
    <Text style={style}>
      {t("yourData.footer")} <Link href={href}>{t("yourData.link")}</Link>
    </Text>
  );
}
