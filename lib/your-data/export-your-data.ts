import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { readYourData } from "./read-your-data";

/**
 * "Download what we hold": every row about the link's address, as JSON — each signature, RSVP and subscription with all its
 * columns except the link secrets (a token's nonce and hash open nothing without our key, and would let a copy
 * of this file be used as the link), and whether the address stopped all email. Recorded in the audit log
 * without the address.
 */
export async function exportYourData(db: Db, token: unknown) {
  const data = await readYourData(db, token);
  await insertAuditEntry(db, {
    actorId: null,
    action: "your_data.export",
    entityType: "person",
    details: { signatures: data.signatures.length, rsvps: data.rsvps.length, subscriptions: data.subscriptions.length },
  });
  return {
    exportedAt: new Date().toISOString(),
    email: data.email,
    signatures: data.signatures.map(({ petitionTitle, ...s }) => ({ ...s, petitionTitle })),
    rsvps: data.rsvps,
    subscriptions: data.subscriptions,
    emailStopped: data.emailStopped ? { since: data.emailStopped.at.toISOString(), reason: data.emailStopped.reason } : null,
    notes: {
      addressHash:
        "clientHash is a keyed hash of the network address a signature came from (never the address itself), kept for the signing limits and forgotten after 30 days.",
      ipAddresses: "We never store network addresses.",
    },
  };
}

export type YourDataExport = Awaited<ReturnType<typeof exportYourData>>;
