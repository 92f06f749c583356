import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox, emailSuppressions } from "@/db/schema";

/**
 * "Stop all email" and the rest of a person's own control over what we hold about their address ("your data").
 * The suppression list holds normalized addresses: only this module reads or writes it (a blind index can
 * replace the address here without touching callers).
 */

export async function suppressEmail(db: Db, emailNormalized: string): Promise<void> {
  await db.insert(emailSuppressions).values({ emailNormalized }).onConflictDoNothing();
}

export async function unsuppressEmail(db: Db, emailNormalized: string): Promise<boolean> {
  const rows = await db.delete(emailSuppressions).where(eq(emailSuppressions.emailNormalized, emailNormalized)).returning({ at: emailSuppressions.createdAt });
  return rows.length > 0;
}

/** When this address stopped all email, or null. */
export async function findEmailSuppression(db: Db, emailNormalized: string): Promise<Date | null> {
  const [row] = await db.select({ at: emailSuppressions.createdAt }).from(emailSuppressions).where(eq(emailSuppressions.emailNormalized, emailNormalized));
  return row?.at ?? null;
}

/** Of these addresses (normalized), the ones that stopped all email: one query for a whole batch of mail. */
export async function findSuppressedEmails(db: Db, emailsNormalized: string[]): Promise<Set<string>> {
  if (emailsNormalized.length === 0) return new Set();
  const rows = await db
    .select({ email: emailSuppressions.emailNormalized })
    .from(emailSuppressions)
    .where(inArray(emailSuppressions.emailNormalized, [...new Set(emailsNormalized)]));
  return new Set(rows.map((r) => r.email));
}

/** Emails not yet taken by a sender about these signatures and RSVPs ("delete everything"): they go too. */
export async function deleteQueuedEmailsAbout(db: Db, ids: { signatureIds: string[]; rsvpIds: string[] }): Promise<number> {
  if (ids.signatureIds.length === 0 && ids.rsvpIds.length === 0) return 0;
  const rows = await db
    .delete(emailOutbox)
    .where(
      and(
        eq(emailOutbox.state, "queued"),
        sql`(${emailOutbox.payload}->>'signatureId' in (select jsonb_array_elements_text(${JSON.stringify(ids.signatureIds)}::jsonb))
          or ${emailOutbox.payload}->>'rsvpId' in (select jsonb_array_elements_text(${JSON.stringify(ids.rsvpIds)}::jsonb)))`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return rows.length;
}

