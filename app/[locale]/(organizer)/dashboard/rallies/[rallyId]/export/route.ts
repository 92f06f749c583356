import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { translator } from "@/lib/i18n/translator";
import { exportAttendees } from "@/lib/rallies/export-attendees";
import { dashboardRoute, download } from "../../../../_components/dashboard-route";

/** The attendee list as CSV (names and addresses), for the campaign's organizers. POST: every export is audited. */
export const POST = dashboardRoute<{ rallyId: string }>(
  "rally export",
  (p) => `/${p.locale}/dashboard/rallies/${p.rallyId}`,
  async (_request, { locale, rallyId }) => {
    const t = translator(locale);
    const out = await exportAttendees(await getDb(), await currentActor(), {
      rallyId,
      labels: {
        name: t("dashboard.rally.columns.name"),
        email: t("dashboard.rally.columns.email"),
        state: t("dashboard.rally.columns.state"),
        registeredAt: t("dashboard.rally.columns.registeredAt"),
        checkedInAt: t("dashboard.rally.columns.checkedIn"),
        walkIn: t("dashboard.rally.walkInLabel"),
        states: {
          pending: t("dashboard.rally.rsvpState.pending"),
          confirmed: t("dashboard.rally.rsvpState.confirmed"),
          waitlisted: t("dashboard.rally.rsvpState.waitlisted"),
          cancelled: t("dashboard.rally.rsvpState.cancelled"),
        },
        yes: t("dashboard.rallyFields.yes"),
      },
    });
    return download(out.body, "text/csv; charset=utf-8", out.filename);
  },
);
