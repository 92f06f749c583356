import { countPlacesTaken, findVisibleRallyBySlug } from "@/db/queries/rallies";
import { insertPendingRsvp, lockRsvpByEmail, recordAnotherRsvpEmail, reopenCancelledRsvp } from "@/db/queries/rsvps";
import { CONFIRMATION_TTL_MS, MAX_CONFIRMATION_EMAILS } from "@/lib/confirmations/tokens";
import { AppError } from "@/lib/errors";
import type { RsvpInput } from "@/lib/validation/rallies";
import type { RallyCtx } from "./update-rally";
import { RSVP_CONFIRM, RSVP_CONSENT_WORDING_VERSION, RSVP_MANAGE, mintRsvpTokens } from "./rsvp-tokens";
import { acceptsRsvps } from "./state";
import { enqueueEmail } from "@/lib/email/outbox";
import type { PowVerdict } from "@/lib/abuse/proof-of-work";
import { screenClient } from "@/lib/abuse/screen-client";

/**
 * Asks for a place: a pending RSVP and its confirmation email commit together (double opt-in). An
 * address that already asked gets the same answer and, by email only, its link again (at most
 * MAX_CONFIRMATION_EMAILS), so the page never tells whether an address is registered. A cancelled,
 * started or over rally, or a full one without a waitlist, is refused before anything is written.
 * `client` (the request's address, as lib/http/client-address.ts tells it) is screened like a signer: blocked
 * or over its limits on this rally, the RSVP is kept as `fraudulent`, no email goes out, nobody counts it, and
 * the answer is the same.
 */
export async function rsvpToRally(
  ctx: RallyCtx,
  slug: string,
  input: RsvpInput,
  options: { now?: Date; client?: { address: string | null; pow?: PowVerdict } } = {},
): Promise<{ outcome: "check_email" }> {
  const now = options.now ?? new Date();
  const found = await findVisibleRallyBySlug(ctx.db, slug);
  if (!found) throw new AppError("rally_not_found");
  const { rally } = found;
  if (!acceptsRsvps(rally, now)) throw new AppError("rally_closed");
  if (input.website === "filled") return { outcome: "check_email" }; // a bot: say the same, keep nothing
  if (rally.capacity !== null && !rally.waitlist && (await countPlacesTaken(ctx.db, rally.id)) >= rally.capacity) throw new AppError("rally_full");

  const screening = options.client
    ? await screenClient(ctx.db, { action: "rsvp", target: rally.id, address: options.client.address, email: input.email, pow: options.client.pow }, { now })
    : { fraudulent: false };
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
  await ctx.db.transaction(async (tx) => {
    const { nonce, hashes } = mintRsvpTokens();
    const fresh = await insertPendingRsvp(tx, {
      rallyId: rally.id,
      emailNormalized: input.email,
      name: input.name,
      locale: input.locale,
      consentUpdates: input.updates,
      consentWordingVersion: RSVP_CONSENT_WORDING_VERSION,
      tokenNonce: nonce,
      confirmTokenHash: hashes[RSVP_CONFIRM],
      manageTokenHash: hashes[RSVP_MANAGE],
      tokenExpiresAt: expiresAt,
      fraudulent: screening.fraudulent,
    });
    let send = fresh !== null && !screening.fraudulent;
    const id = fresh?.id ?? (await lockRsvpByEmail(tx, rally.id, input.email))?.id;
    if (!id) throw new AppError("unavailable");
    if (!fresh) {
      const existing = (await lockRsvpByEmail(tx, rally.id, input.email))!;
      // A shadow-banned client, or an address kept as fraudulent: nothing to send, and nothing to reveal.
      if (screening.fraudulent || existing.state === "fraudulent") return;
      send =
        existing.state === "cancelled"
          ? await reopenCancelledRsvp(tx, id, { name: input.name, locale: input.locale, consentUpdates: input.updates, consentWordingVersion: RSVP_CONSENT_WORDING_VERSION, tokenExpiresAt: expiresAt }, MAX_CONFIRMATION_EMAILS)
          : await recordAnotherRsvpEmail(tx, id, MAX_CONFIRMATION_EMAILS, expiresAt);
    }
    if (send) await enqueueEmail(tx, "rally-email", { kind: "confirmation", rsvpId: id });
  });
  return { outcome: "check_email" };
}
