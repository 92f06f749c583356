import type { Db } from "@/db";
import { findSubscriberForEmail } from "@/db/queries/subscribers";
import SubscriptionConfirmation, { subscriptionConfirmationSubject } from "@/emails/subscription-confirmation";
import type { RenderedEmail, Skip } from "@/lib/email/kinds";
import { appUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localized";
import { preferencesUrl } from "./links";
import { confirmTokenOf } from "./tokens";

/**
 * The confirmation email of the standalone form: the subscriber's one confirm link (the same in every email
 * about them), under the outbox row's idempotency key. A subscriber no longer pending, or an address suppressed
 * meanwhile, gets nothing.
 */
export async function renderSubscriptionConfirmation(db: Db, data: { subscriberId: string }, email: { id: string }): Promise<RenderedEmail | Skip> {
  const s = await findSubscriberForEmail(db, data.subscriberId);
  if (!s) return { skip: "subscriber gone" };
  if (s.state !== "pending") return { skip: `subscriber ${s.state}` };
  if (s.suppressed) return { skip: "address suppressed" };
  const props = {
    locale: s.locale,
    campaignName: pick(s.campaignName, s.locale),
    confirmUrl: `${appUrl()}/${s.locale}/confirmations/subscription/${confirmTokenOf(s.tokenNonce)}`,
    preferencesUrl: preferencesUrl(s),
    siteUrl: appUrl(),
  };
  return {
    element: SubscriptionConfirmation(props),
    to: s.email,
    subject: subscriptionConfirmationSubject(props),
    idempotencyKey: `subscription-confirmation/${email.id}`,
    template: "subscription-confirmation",
  };
}
