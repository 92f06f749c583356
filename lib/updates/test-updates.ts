import { randomBytes } from "node:crypto";
import { sealedSubscriber } from "@/db/personal-data";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaignUpdates, updateTexts } from "@/db/schema";

/** Test data only: an update of a campaign in a given state, written in Russian and English. */
export async function makeUpdate(db: Db, campaignId: string, state: "draft" | "scheduled" | "sending" | "paused" | "sent" = "draft") {
  const started = state === "sending" || state === "paused" || state === "sent";
  const [u] = await db
    .insert(campaignUpdates)
    .values({
      campaignId,
      state,
      scheduledAt: state === "scheduled" ? new Date(Date.now() + 86_400_000) : null,
      startedAt: started ? new Date() : null,
      sentAt: state === "sent" ? new Date() : null,
      recipientsTotal: started ? 0 : null,
      // Nothing to page through: the fan-out of a test world never picks these up.
      fanoutDoneAt: started ? new Date() : null,
    })
    .returning();
  await db.insert(updateTexts).values([
    { updateId: u!.id, locale: "ru", title: "Новость", body: "Текст **новости**." },
    { updateId: u!.id, locale: "en", title: "News", body: "The **news**." },
  ]);
  return u!;
}

/** Test data only: one confirmed subscriber of a campaign. */
export async function makeSubscriber(db: Db, campaignId: string, locale: "ru" | "kk" | "en" = "ru") {
  const tag = randomBytes(6).toString("hex");
  const sealed = sealedSubscriber(`sub-${tag}@example.org`);
  await db.execute(sql`insert into subscribers (campaign_id, email_index, email_sealed, locale, state, source, consent_wording_version, token_nonce, confirm_token_hash, manage_token_hash, token_expires_at, confirmed_at)
    values (${campaignId}, ${sealed.emailIndex}, ${sealed.emailSealed}, ${locale}, 'confirmed', 'standalone', 'updates-v1', ${tag}, ${`c${tag}`}, ${`m${tag}`}, now() + interval '1 day', now())`);
}
