import type { Db } from "@/db";
import { setSignatureNameHidden } from "@/db/queries/signatures";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import { recordChange } from "@/lib/audit/record-change";

/**
 * An organizer hides a name from the petition's public list of signers (a fake or abusive name), or shows it
 * again. The signature still counts. Audited without the name.
 */
export async function setSignerNameHidden(db: Db, actor: Actor | null, input: { petitionId: string; signatureId: string; hidden: boolean }) {
  return db.transaction(async (tx) => {
    const { actor: a, petition } = await authorizePetition(tx, actor, input.petitionId);
    if (!(await setSignatureNameHidden(tx, petition.id, input.signatureId, input.hidden))) throw new AppError("not_found");
    await recordChange(tx, a, input.hidden ? "signature.hide_name" : "signature.show_name", { type: "signature", id: input.signatureId, campaignId: petition.campaignId }, { petitionId: petition.id });
  });
}
