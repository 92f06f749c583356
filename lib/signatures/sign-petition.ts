import type { Db } from "@/db";
import { findPetitionSigningState } from "@/db/queries/petitions";
import { AppError } from "@/lib/errors";
import type { SignInput } from "@/lib/validation/signatures";
import { insertNewSignature } from "./signature-batcher";
import { CONFIRMATION_TTL_MS, hashToken, newNonce } from "@/lib/confirmations/tokens";
import { CONSENT_WORDING_VERSION, DELIVERY_CONSENT_WORDING_VERSION, tokenFromNonce } from "./tokens";

/**
 * Signs a petition: the pending signature and its confirmation email (a row of the mail outbox) commit together.
 * Every outcome that concerns an address that already signed looks the same to the caller (no hint that
 * an address signed); the owner of the address hears about it by email instead, at most
 * MAX_CONFIRMATION_EMAILS times per signature. A client over its limits (SIGN_LIMIT_BURST a minute,
 * SIGN_LIMIT_HOURLY an hour, per petition) is answered the same too: its signature is kept as `fraudulent`,
 * without an email, and never counts.
 */
export async function signPetition(
  /** `client`: the keyed hash of the signer's address (lib/abuse/rate-limit.ts clientKey), for the per-client limits. */
  /** `blocked`: on a block list (lib/abuse/rules.ts): kept as fraudulent at once, answered like anyone. */
  ctx: { db: Db; client?: string | null; blocked?: boolean },
  petitionSlug: string,
  input: SignInput,
): Promise<{ outcome: "check_email" }> {
  if (input.website === "filled") return { outcome: "check_email" }; // a bot: say the same, keep nothing

  const nonce = newNonce();
  const expiresAt = new Date(Date.now() + CONFIRMATION_TTL_MS);
  const signature = {
    petitionSlug,
    emailNormalized: input.email,
    name: input.name,
    locale: input.locale,
    consentUpdates: input.updates,
    consentWordingVersion: CONSENT_WORDING_VERSION,
    showNamePublicly: input.public,
    consentDelivery: input.delivery,
    consentDeliveryWordingVersion: DELIVERY_CONSENT_WORDING_VERSION,
    tokenNonce: nonce,
    tokenHash: hashToken(tokenFromNonce(nonce)),
    tokenExpiresAt: expiresAt,
    clientHash: ctx.client ?? null,
    blocked: ctx.blocked ?? false,
  };
  // New or duplicate, one statement (with concurrent signers) does what it needs: the same time either way.
  if (await insertNewSignature(ctx.db, signature)) return { outcome: "check_email" };

  // Not open: the same answer whether or not this address signed.
  const petition = await findPetitionSigningState(ctx.db, petitionSlug);
  if (!petition) throw new AppError("petition_not_found");
  throw new AppError("petition_closed");
}
