import { connection } from "next/server";
import { getDb } from "@/db";
import { listPublicUpdates } from "@/db/queries/updates";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { atomFeed } from "@/lib/updates/public";

/** The sent updates as an Atom feed, one per language; cached like the public pages (publicPaths). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  await connection();
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const updates = await listPublicUpdates(await getDb());
  return new Response(atomFeed(updates, locale, { title: translator(locale)("updates.feedTitle") }), {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}
