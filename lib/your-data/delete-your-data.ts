import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { deleteDevMailTo } from "@/db/queries/dev-mailbox";
import { lockRally } from "@/db/queries/rallies";
import { deleteRsvpOfEmail, findRsvpsByEmail, setRsvpState } from "@/db/queries/rsvps";
import { eraseSignaturesOfEmail } from "@/db/queries/signatures";
import { deleteSubscriptionsOfEmail } from "@/db/queries/subscribers";
import { deleteEmailSuppression, deleteQueuedEmailsAbout } from "@/db/queries/your-data";
import { fillFreedPlaces } from "@/lib/rallies/fill-places";
import { rsvpActions } from "@/lib/rallies/state";
import { addressOfLink } from "./read-your-data";

/**
 * "Delete everything" for the link's address, in one transaction:
 * - confirmed signatures stay counted but anonymous: the address, name, consents and address-hash are erased
 *   (the petition's count, and what was delivered to its addressee, stay true); to take support back as well,
 *   withdraw first;
 * - every other signature (pending, invalidated, not counted) is deleted;
 * - RSVPs are cancelled (a freed place goes to the waitlist, as when someone cancels) and deleted;
 * - subscriptions are deleted;
 * - email not yet sent about any of them, the dev mailbox's copies, and the suppression record (a "stop all email",
 *   a bounce) go too — nothing is left that could be mailed.
 * The audit log records that it happened and how many rows, never the address.
 */
export async function deleteYourData(db: Db, token: unknown, options: { now?: Date } = {}) {
  const email = addressOfLink(token);
  return db.transaction(async (tx) => {
    const rsvps = await findRsvpsByEmail(tx, email);
    for (const rsvp of rsvps) {
      const rally = await lockRally(tx, rsvp.rallyId);
      const freed = await setRsvpState(tx, rsvp.id, rsvpActions.cancel.from, rsvpActions.cancel.to);
      await deleteRsvpOfEmail(tx, rsvp.id, email);
      if (freed && rally) await fillFreedPlaces(tx, rally, options.now);
    }
    const signatures = await eraseSignaturesOfEmail(tx, email);
    const subscriptions = await deleteSubscriptionsOfEmail(tx, email);
    const emails = await deleteQueuedEmailsAbout(tx, {
      signatureIds: [...signatures.anonymised, ...signatures.deleted],
      rsvpIds: rsvps.map((r) => r.id),
      subscriberIds: subscriptions,
    });
    await deleteDevMailTo(tx, email);
    await deleteEmailSuppression(tx, email);
    const summary = { anonymised: signatures.anonymised.length, deleted: signatures.deleted.length, rsvps: rsvps.length, subscriptions: subscriptions.length, emails };
    await insertAuditEntry(tx, { actorId: null, action: "your_data.delete", entityType: "person", details: summary });
    return summary;
  });
}
