import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { enqueueEmail } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { authorizeUpdate } from "./authorize-update";
import { hasText } from "./content";

/** The update as a subscriber in `testLocale` would get it, to the organizer's own address. */
export async function sendTestUpdate(db: Db, actor: Actor | null, input: { updateId: string; testLocale: Locale }) {
  return db.transaction(async (tx) => {
    const { actor: a, update } = await authorizeUpdate(tx, actor, input.updateId);
    if (!hasText(update.texts, update.defaultLocale as Locale) && !hasText(update.texts, input.testLocale)) throw new AppError("invalid_input", { form: "update_empty" });
    await enqueueEmail(tx, "campaign-update-test", { updateId: update.id, userId: a.userId, locale: input.testLocale });
    await insertAuditEntry(tx, { actorId: a.userId, action: "update.test", entityType: "update", entityId: update.id, campaignId: update.campaignId, details: { locale: input.testLocale } });
  });
}
