import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox, emailSuppressions } from "@/db/schema";
import { emailIndex } from "@/db/personal-data";

/**
 * "Stop all email" and the rest of a person's own control over what we hold about their address ("your data").
 * "Stop all email" is a row of the suppression list the provider's bounces and complaints also fill
 * (db/schema/subscribers.ts), with the reason `requested`: campaign updates already skip every suppressed address,
 * and the sender skips them for rally notices too. Keyed by the blind index of the normalized address
 * (db/personal-data.ts): callers pass the address, the table never holds it.
 */

/** The person asked for no more email. An address already suppressed (it bounced) stays as it is. */
export async function suppressEmail(db: Db, emailNormalized: string): Promise<void> {
  await db.insert(emailSuppressions).values({ emailIndex: emailIndex(emailNormalized), reason: "requested" }).onConflictDoNothing({ target: emailSuppressions.emailIndex });
}

/** Undoes the person's own "stop all email" (never a bounce or a complaint). */
export async function unsuppressEmail(db: Db, emailNormalized: string): Promise<boolean> {
  const rows = await db
    .delete(emailSuppressions)
    .where(and(eq(emailSuppressions.emailIndex, emailIndex(emailNormalized)), eq(emailSuppressions.reason, "requested")))
    .returning({ at: emailSuppressions.createdAt });
  return rows.length > 0;
}

/** "Delete everything": the suppression record goes too, whatever its reason (it is the address itself). */
export async function deleteEmailSuppression(db: Db, emailNormalized: string): Promise<void> {
  await db.delete(emailSuppressions).where(eq(emailSuppressions.emailIndex, emailIndex(emailNormalized)));
}

/** Since when, and why, no email goes to this address; null when mail goes. */
export async function findEmailSuppression(db: Db, emailNormalized: string) {
  const [row] = await db
    .select({ at: emailSuppressions.createdAt, reason: emailSuppressions.reason })
    .from(emailSuppressions)
    .where(eq(emailSuppressions.emailIndex, emailIndex(emailNormalized)));
  return row ?? null;
}

/** Emails not yet taken by a sender about these signatures, RSVPs and subscriptions ("delete everything"): they go too. */
export async function deleteQueuedEmailsAbout(db: Db, ids: { signatureIds: string[]; rsvpIds: string[]; subscriberIds?: string[] }): Promise<number> {
  const subscriberIds = ids.subscriberIds ?? [];
  if (ids.signatureIds.length === 0 && ids.rsvpIds.length === 0 && subscriberIds.length === 0) return 0;
  const rows = await db
    .delete(emailOutbox)
    .where(
      and(
        eq(emailOutbox.state, "queued"),
        sql`(${emailOutbox.payload}->>'signatureId' in (select jsonb_array_elements_text(${JSON.stringify(ids.signatureIds)}::jsonb))
          or ${emailOutbox.payload}->>'rsvpId' in (select jsonb_array_elements_text(${JSON.stringify(ids.rsvpIds)}::jsonb))
          or ${emailOutbox.payload}->>'subscriberId' in (select jsonb_array_elements_text(${JSON.stringify(subscriberIds)}::jsonb)))`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return rows.length;
}

