import type { Db } from "@/db";
import { findRsvpsByEmail } from "@/db/queries/rsvps";
import { findSubscriptionsByEmail } from "@/db/queries/subscribers";
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

/** Everything we hold about the link's address: its signatures, RSVPs and subscriptions, whether mail to it stopped. */
export async function readYourData(db: Db, token: unknown) {
  const email = addressOfLink(token);
  const signatures = await findSignaturesByEmail(db, email);
  const rsvps = await findRsvpsByEmail(db, email);
  const subscriptions = await findSubscriptionsByEmail(db, email);
  const emailStopped = await findEmailSuppression(db, email);
  return { email, signatures, rsvps, subscriptions, emailStopped };
}
