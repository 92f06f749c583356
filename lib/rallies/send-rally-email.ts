import type { Db } from "@/db";
import { type SendResult, sendTemplate } from "@/lib/email/send";
import type { Payload } from "@/lib/jobs/queues";
import { cancelledEmail } from "./emails/cancelled";
import { changedEmail } from "./emails/changed";
import { type RallyEmailKind, isSkip } from "./emails/common";
import { confirmationEmail } from "./emails/confirmation";
import { promotedEmail, registeredEmail, waitlistedEmail } from "./emails/registered";
import { dayBeforeEmail, dayOfEmail } from "./emails/reminder";

type Job = Payload<"rallyEmail">;

/** Every rally email kind, by the `kind` of its job: one entry each, ready to move into a mail registry. */
export const rallyEmailKinds = {
  confirmation: confirmationEmail,
  registered: registeredEmail,
  waitlisted: waitlistedEmail,
  promoted: promotedEmail,
  day_before: dayBeforeEmail,
  day_of: dayOfEmail,
  changed: changedEmail,
  cancelled: cancelledEmail,
} satisfies Record<Job["kind"], RallyEmailKind<never>>;

/** One job of the rally-email queue → one email (or nothing, with the reason, when it no longer applies). */
export async function sendRallyEmail(db: Db, job: { id: string; data: Job }): Promise<SendResult | { status: "skipped"; reason: string }> {
  const kind = rallyEmailKinds[job.data.kind] as RallyEmailKind<Job>;
  const email = await kind.render(db, job.data, job);
  if (isSkip(email)) return { status: "skipped", reason: email.skip };
  return sendTemplate(db, email);
}
