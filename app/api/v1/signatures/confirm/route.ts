import { confirmationRoute } from "@/lib/confirmations/confirm-route";
import { signatureConfirmable } from "@/lib/signatures/confirm-signature";

/**
 * The confirmation landing's button posts here (a GET of the emailed link never confirms: mail scanners
 * open links). Success → 303 to the thank-you page; a bad or expired token, or a petition whose late
 * confirmations are over → 303 back to the link's page, which explains.
 */
export const POST = confirmationRoute(signatureConfirmable, (locale, { outcome, result }) =>
  `/${locale}/petitions/${result.petitionSlug}/thanks${outcome === "already_confirmed" ? "?already=1" : ""}`,
);
