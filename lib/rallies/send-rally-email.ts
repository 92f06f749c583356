import type { Db } from "@/db";
import type { KindPayload, RenderedEmail, Skip } from "@/lib/email/kinds";
import { cancelledEmail } from "./emails/cancelled";
import { changedEmail } from "./emails/changed";
import type { RallyEmailKind } from "./emails/common";
import { confirmationEmail } from "./emails/confirmation";
import { promotedEmail, registeredEmail, waitlistedEmail } from "./emails/registered";
import { dayBeforeEmail, dayOfEmail } from "./emails/reminder";

type Job = KindPayload<"rally-email">;

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

/** One rally email of the outbox → the email (or nothing, with the reason, when it no longer applies). */
export async function renderRallyEmail(db: Db, payload: Job, email: { id: string }): Promise<RenderedEmail | Skip> {
  const kind = rallyEmailKinds[payload.kind] as RallyEmailKind<Job>;
  return kind.render(db, payload, email);
}
