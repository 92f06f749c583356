import type { Db } from "@/db";
import { confirmPendingSignature, findSignatureByTokenHash, incrementConfirmedCount } from "@/db/queries/signatures";
import { AppError } from "@/lib/errors";
import { hashToken } from "./tokens";

export type ConfirmOutcome = { outcome: "confirmed" | "already_confirmed"; petitionSlug: string };

/**
 * Confirms the signature a link's token points at. One transaction: the guarded state change
 * (pending → confirmed) and the count go together, so confirming twice counts once. A closed petition still
 * counts confirmations of signatures made while it was open for CONFIRM_GRACE_HOURS; then the count is final.
 */
export async function confirmSignature(db: Db, token: string): Promise<ConfirmOutcome> {
  const tokenHash = hashToken(token);
  const confirmed = await db.transaction(async (tx) => {
    const row = await confirmPendingSignature(tx, tokenHash);
    if (row) await incrementConfirmedCount(tx, row.petitionId);
    return row !== null;
  });
  const signature = await findSignatureByTokenHash(db, tokenHash);
  if (!signature) throw new AppError("token_invalid");
  if (confirmed) return { outcome: "confirmed", petitionSlug: signature.petitionSlug };
  if (signature.state === "confirmed") return { outcome: "already_confirmed", petitionSlug: signature.petitionSlug };
  if (signature.state === "pending" && !signature.confirmationCounts) throw new AppError("confirmation_closed");
  if (signature.state === "pending") throw new AppError("token_expired");
  throw new AppError("token_invalid");
}
