import type { Db } from "@/db";
import { findSubscriberByTokenHash, setSubscriberLocale, unsubscribeAddressEverywhere, unsubscribeSubscriber } from "@/db/queries/subscribers";
import { hashToken, linkTokenSchema } from "@/lib/confirmations/tokens";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

/** What a preferences (manage) token points at, without the address; null for a malformed, tampered or unknown token. */
export async function findSubscriptionByManageToken(db: Db, token: unknown) {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  return findSubscriberByTokenHash(db, "manage", hashToken(parsed.data));
}

async function subscriptionOf(db: Db, token: string) {
  const found = await findSubscriptionByManageToken(db, token);
  if (!found) throw new AppError("token_invalid");
  return found;
}

/** The language of every later email to this subscriber. */
export async function changeSubscriptionLanguage(db: Db, token: string, locale: Locale): Promise<{ outcome: "language_changed"; locale: Locale }> {
  const s = await subscriptionOf(db, token);
  await setSubscriberLocale(db, s.id, locale);
  return { outcome: "language_changed", locale };
}

/**
 * Leaves this campaign's list, or every campaign's list of this address. Idempotent: leaving twice answers the
 * same. A signature stays a signature: unsubscribing withdraws nothing else.
 */
export async function unsubscribe(db: Db, token: string, scope: "campaign" | "everywhere"): Promise<{ outcome: "unsubscribed"; changed: number }> {
  const s = await subscriptionOf(db, token);
  const changed = scope === "campaign" ? await unsubscribeSubscriber(db, s.id) : await unsubscribeAddressEverywhere(db, s.id);
  return { outcome: "unsubscribed", changed };
}
