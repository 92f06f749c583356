import type { Db } from "@/db";
import { suppressEmail, unsuppressEmail } from "@/db/queries/your-data";
import { addressOfLink } from "./read-your-data";

/**
 * "Stop all email": the link's address gets no more update emails and no rally notices (the sender skips them,
 * lib/email/sender.ts). Mail the person asks for at that moment — the confirmation link of a new signature or
 * RSVP, a sign-in link — still goes, or they could never act again.
 */
export async function stopAllEmail(db: Db, token: unknown): Promise<void> {
  await suppressEmail(db, addressOfLink(token));
}

/** Undoes "stop all email". */
export async function resumeEmail(db: Db, token: unknown): Promise<void> {
  await unsuppressEmail(db, addressOfLink(token));
}
