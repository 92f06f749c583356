import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SignatureThanks } from "@/app/_components/signature-thanks";
import type { Locale } from "@/lib/i18n/locales";
import { slugSchema } from "@/lib/validation/petitions";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<{ already?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "thanks" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ThanksPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  const { already } = await searchParams;
  setRequestLocale(locale);
  await connection();
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) notFound();
  return <SignatureThanks locale={locale} slug={parsed.data} already={Boolean(already)} />;
}
