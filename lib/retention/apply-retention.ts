import type { Db } from "@/db";
import { forgetSecurityEventClientHashesBefore } from "@/db/queries/audit";
import { deleteClientFlagsBefore, deleteRateLimitCountersBefore } from "@/db/queries/rate-limits";
import { anonymiseRsvpsOfRalliesEndedBefore, deleteUnconfirmedRsvpsBefore } from "@/db/queries/rsvps";
import { deleteUnconfirmedSubscribersBefore } from "@/db/queries/subscribers";
import {
  anonymiseSignaturesOfPetitionsArchivedBefore,
  deleteUnconfirmedSignaturesBefore,
  forgetSignatureClientHashesBefore,
} from "@/db/queries/signatures";
import { finalizeBulkInvalidationsBefore } from "@/db/queries/bulk-invalidations";
import { env } from "@/lib/env";

/** How long each kind of personal data is kept (README "Retention"). */
export const RETENTION = {
  /** A signature, RSVP or subscription nobody confirmed: deleted this long after it was made (and after its link expired). */
  unconfirmedDays: 14,
  /** Keyed hashes of client addresses (signatures.client_hash, rate_limit_counters, abuse_flags of a client, security events). */
  addressHashDays: 30,
  /** A bulk invalidation can be reversed this long; then its record of what it changed goes, and it is final. */
  bulkReversalDays: 7,
} as const;

const DAY = 24 * 3600_000;

export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * The retention job (hourly, lib/jobs/workers.ts; safe to run any time, twice, or late):
 * - signatures, RSVPs and subscriptions never confirmed, 14 days after they were made and their link expired, are
 *   deleted (shadow-banned signatures too);
 * - address-hashes older than 30 days are forgotten: signatures keep no `client_hash`, rate-limit counters and the
 *   flags of a client go; security events in the audit log keep their kind, action and target (the dashboard's
 *   sums stay) but no longer name the client;
 * - ARCHIVE_ANONYMISE_MONTHS (12) after a petition is archived its signers become anonymous (confirmed signatures
 *   keep counting without address or name, the rest go); the same after a rally is held or cancelled, for its
 *   attendees (the figures of who came stay);
 * - bulk invalidations older than 7 days become final.
 * Returns what it did, in numbers (never whose).
 */
export async function applyRetention(db: Db, options: { now?: Date; archiveMonths?: number } = {}) {
  const now = options.now ?? new Date();
  const unconfirmed = new Date(now.getTime() - RETENTION.unconfirmedDays * DAY);
  const hashes = new Date(now.getTime() - RETENTION.addressHashDays * DAY);
  const archived = monthsBefore(now, options.archiveMonths ?? env().ARCHIVE_ANONYMISE_MONTHS);
  return db.transaction(async (tx) => {
    const signatures = await deleteUnconfirmedSignaturesBefore(tx, unconfirmed, now);
    const rsvps = await deleteUnconfirmedRsvpsBefore(tx, unconfirmed, now);
    const subscriptions = await deleteUnconfirmedSubscribersBefore(tx, unconfirmed, now);
    const clientHashes = await forgetSignatureClientHashesBefore(tx, hashes);
    const counters = await deleteRateLimitCountersBefore(tx, hashes);
    const flags = await deleteClientFlagsBefore(tx, hashes);
    const securityEvents = await forgetSecurityEventClientHashesBefore(tx, hashes);
    const archivedSignatures = await anonymiseSignaturesOfPetitionsArchivedBefore(tx, archived);
    const endedRsvps = await anonymiseRsvpsOfRalliesEndedBefore(tx, archived);
    const bulkFinal = await finalizeBulkInvalidationsBefore(tx, new Date(now.getTime() - RETENTION.bulkReversalDays * DAY));
    return {
      unconfirmed: { signatures, rsvps, subscriptions },
      addressHashes: { signatures: clientHashes, counters, flags, securityEvents },
      archived: { ...archivedSignatures, rsvps: endedRsvps },
      bulkFinal,
    };
  });
}
