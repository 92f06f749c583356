import { getDb } from "@/db";
import { findPublishedCampaignBySlug, listVisibleRallies } from "@/db/queries/rallies";
import { isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { calendarContentType, campaignCalendar } from "@/lib/rallies/ics";
import { slugSchema } from "@/lib/validation/petitions";
import { route } from "@/lib/http/boundary";

/**
 * A campaign's rallies as a calendar feed to subscribe to (webcal://…/rallies.ics): every visible rally,
 * cancelled ones as STATUS:CANCELLED so subscribed calendars drop them.
 */
export const GET = route<{ params: Promise<{ slug: string }> }>("campaign-calendar", async (request, { params }) => {
  const { slug } = await params;
  const lang = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(lang) ? lang : "ru";
  const parsed = slugSchema.safeParse(slug);
  const db = await getDb();
  const campaign = parsed.success ? await findPublishedCampaignBySlug(db, parsed.data) : null;
  if (!campaign) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const rallies = await listVisibleRallies(db, campaign.id);
  return new Response(campaignCalendar(rallies, locale, pick(campaign.name, locale)), {
    headers: { "content-type": calendarContentType, "cache-control": "public, max-age=0, must-revalidate", "x-content-type-options": "nosniff" },
  });
});
