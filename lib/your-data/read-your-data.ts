import type { Db } from "@/db";
import { findRsvpsByEmail } from "@/db/queries/rsvps";
import { findSignaturesByEmail } from "@/db/queries/signatures";
import { findEmailSuppression } from "@/db/queries/your-data";
import { AppError } from "@/lib/errors";
import { emailOfYourDataToken } from "./link";

/** The address a "your data" link was made for; a tampered or malformed link is `token_invalid` (nothing done). */
export function addressOfLink(token: unknown): string {
  const email = emailOfYourDataToken(token);
  if (!email) throw new AppError("token_invalid");
  return email;
}

/** Everything we hold about the link's address: its signatures, its RSVPs, whether it stopped all email. */
export async function readYourData(db: Db, token: unknown) {
  const email = addressOfLink(token);
  const signatures = await findSignaturesByEmail(db, email);
  const rsvps = await findRsvpsByEmail(db, email);
  const emailStoppedAt = await findEmailSuppression(db, email);
  return { email, signatures, rsvps, emailStoppedAt };
}

export type YourData = Awaited<ReturnType<typeof readYourData>>;
