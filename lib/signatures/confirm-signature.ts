import type { Db } from "@/db";
import { confirmPendingSignature, findSignatureByTokenHash, incrementConfirmedCount } from "@/db/queries/signatures";
import { type Confirmable, confirmByToken } from "@/lib/confirmations/confirm-by-token";
import { subscribeWithConfirmedConsent } from "@/lib/subscribers/subscribe-with-consent";
import { CONSENT_WORDING_VERSION } from "./tokens";

export type ConfirmOutcome = { outcome: "confirmed" | "already_confirmed"; petitionSlug: string };

/**
 * A signature's double opt-in, on the generic confirmation (lib/confirmations). `confirm` is one transaction:
 * the guarded state change (pending → confirmed) and the count go together, so confirming twice counts once.
 * A ticked "send me updates" box becomes a confirmed subscription in the same transaction.
 * A closed petition still counts confirmations of signatures made while it was open for CONFIRM_GRACE_HOURS;
 * then the count is final (`closed`). Its links keep their landing at /<locale>/confirm/<token>.
 */
export const signatureConfirmable: Confirmable<{ petitionSlug: string }> = {
  kind: "signature",
  landingPath: (locale, token) => `/${locale}/confirm/${token}`,

  async find(db, tokenHash) {
    const s = await findSignatureByTokenHash(db, tokenHash);
    if (!s) return null;
    const base = { subject: s.petitionTitle, slug: s.petitionSlug };
    if (s.state === "confirmed") return { ...base, status: "confirmed" };
    if (s.state !== "pending") return null;
    if (!s.confirmationCounts) return { ...base, status: "closed", endedAt: s.signingEndedAt };
    if (s.tokenExpiresAt <= new Date()) return { ...base, status: "expired" };
    return { ...base, status: "pending" };
  },

  async confirm(db, tokenHash) {
    const row = await db.transaction(async (tx) => {
      const pending = await confirmPendingSignature(tx, tokenHash);
      if (!pending) return null;
      await incrementConfirmedCount(tx, pending.petitionId, { named: pending.named });
      // "Send me updates" ticked: this confirmation confirms the subscription too (one email, not two).
      if (pending.consentUpdates && pending.email) {
        await subscribeWithConfirmedConsent(tx, {
          campaignId: pending.campaignId,
          email: pending.email,
          locale: pending.locale,
          source: "sign_form",
          consentWordingVersion: pending.consentWordingVersion ?? CONSENT_WORDING_VERSION,
          consentAt: pending.consentUpdatesAt ?? new Date(),
        });
      }
      return pending;
    });
    if (!row) return null;
    const s = await findSignatureByTokenHash(db, tokenHash);
    return s ? { petitionSlug: s.petitionSlug } : null;
  },

  async already(db, tokenHash) {
    const s = await findSignatureByTokenHash(db, tokenHash);
    return s?.state === "confirmed" ? { petitionSlug: s.petitionSlug } : null;
  },
};

/** Confirms the signature a link's token points at, outside HTTP: the integration tests' shorthand (the confirm route and page use signatureConfirmable through lib/confirmations). */
export async function confirmSignature(db: Db, token: string): Promise<ConfirmOutcome> {
  const { outcome, result } = await confirmByToken(db, signatureConfirmable, token);
  return { outcome, petitionSlug: result.petitionSlug };
}
