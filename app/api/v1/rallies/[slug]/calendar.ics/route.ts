import { getDb } from "@/db";
import { findVisibleRallyBySlug } from "@/db/queries/rallies";
import { isLocale } from "@/lib/i18n/locales";
import { calendarContentType, rallyCalendar } from "@/lib/rallies/ics";
import { slugSchema } from "@/lib/validation/petitions";
import { route } from "@/lib/http/boundary";

/** One rally as an .ics file (`?locale=kk` for its language). Public data only. */
export const GET = route<{ params: Promise<{ slug: string }> }>("rally-calendar", async (request, { params }) => {
  const { slug } = await params;
  const lang = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(lang) ? lang : "ru";
  const parsed = slugSchema.safeParse(slug);
  const row = parsed.success ? await findVisibleRallyBySlug(await getDb(), parsed.data) : null;
  if (!row) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(rallyCalendar(row.rally, locale), {
    headers: {
      "content-type": calendarContentType,
      "content-disposition": `attachment; filename="${row.rally.slug}.ics"`,
      "cache-control": "public, max-age=0, must-revalidate",
      "x-content-type-options": "nosniff",
    },
  });
});
