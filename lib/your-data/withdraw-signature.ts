import type { Db } from "@/db";
import { addToConfirmedCount, withdrawSignatureOfEmail } from "@/db/queries/signatures";
import { deleteQueuedEmailsAbout } from "@/db/queries/your-data";
import { addressOfLink } from "./read-your-data";

/**
 * The signer takes back one signature, from the "your data" link: it is deleted (nothing about it stays, and the
 * address can sign the petition again), a confirmed one comes off the count in the same transaction, and any email
 * about it not yet sent goes too. `already`: it was withdrawn before, or is not this address's (said the same way).
 */
export async function withdrawSignature(db: Db, token: unknown, signatureId: string): Promise<{ outcome: "withdrawn" | "already" }> {
  const email = addressOfLink(token);
  return db.transaction(async (tx) => {
    const withdrawn = await withdrawSignatureOfEmail(tx, signatureId, email);
    if (!withdrawn) return { outcome: "already" as const };
    if (withdrawn.previous === "confirmed") await addToConfirmedCount(tx, withdrawn.petitionId, -1, withdrawn.named ? -1 : 0);
    await deleteQueuedEmailsAbout(tx, { signatureIds: [signatureId], rsvpIds: [] });
    return { outcome: "withdrawn" as const };
  });
}
