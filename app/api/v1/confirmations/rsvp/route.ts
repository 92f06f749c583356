import { confirmationRoute } from "@/lib/confirmations/confirm-route";
import { rsvpConfirmable } from "@/lib/rallies/confirm-rsvp";

/** The RSVP confirmation landing's button (app/[locale]/confirmations/[kind]/[token], kind "rsvp"). */
export const POST = confirmationRoute(rsvpConfirmable, (locale, { outcome, result }) => {
  const status = outcome === "already_confirmed" ? "already" : result.status;
  return `/${locale}/rallies/${result.rallySlug}/confirmed?status=${status}`;
});
