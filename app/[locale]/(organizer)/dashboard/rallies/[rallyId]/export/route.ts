import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { appUrl } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { refusal } from "@/lib/organizers/outcome";
import { exportAttendees } from "@/lib/rallies/export-attendees";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

/** The attendee list as CSV (names and addresses), for the campaign's organizers. POST: every export is audited. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; rallyId: string }> }) {
  const { locale: rawLocale, rallyId } = await params;
  const locale = isLocale(rawLocale) ? rawLocale : "ru";
  if (!isSameOriginPost(request.headers)) return plain(403, "Forbidden");
  const t = await getTranslations({ locale, namespace: "dashboard" });
  try {
    const out = await exportAttendees(await getDb(), await currentActor(), {
      rallyId,
      labels: {
        name: t("rally.columns.name"),
        email: t("rally.columns.email"),
        state: t("rally.columns.state"),
        registeredAt: t("rally.columns.registeredAt"),
        checkedInAt: t("rally.columns.checkedIn"),
        walkIn: t("rally.walkInLabel"),
        states: { pending: t("rally.rsvpState.pending"), confirmed: t("rally.rsvpState.confirmed"), waitlisted: t("rally.rsvpState.waitlisted"), cancelled: t("rally.rsvpState.cancelled") },
        yes: t("rallyFields.yes"),
      },
    });
    return new Response(out.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${out.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    const outcome = refusal(error);
    if (outcome === "sign-in") {
      const back = `/${locale}/dashboard/rallies/${rallyId}`;
      return Response.redirect(`${appUrl()}/${locale}/sign-in?${new URLSearchParams({ callbackUrl: back })}`, 303);
    }
    if (outcome === 404) return plain(404, t("export.notFound"));
    throw error;
  }
}
