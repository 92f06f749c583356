import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { campaigns } from "@/db/schema";
import { testDriver } from "@/db/testing";
import { setUpTestDatabase } from "@/db/test-database";
import type { Localized } from "@/lib/i18n/locales";
import {
  insertPendingSubscriber,
  listDeliverableSubscribers,
  suppressAddress,
  unsubscribeSubscriber,
  upsertConfirmedSubscriber,
} from "./subscribers";

const database = setUpTestDatabase();
const text = (s: string): Localized => ({ ru: s, kk: s, en: s });
const hex = () => randomBytes(16).toString("hex");

async function createCampaign() {
  const [row] = await database().db
    .insert(campaigns)
    .values({ slug: `c-${randomBytes(4).toString("hex")}`, state: "published", name: text("C"), tagline: text("T") })
    .returning();
  if (!row) throw new Error("campaign not created");
  return row;
}

const fields = (campaignId: string, email: string) => ({
  campaignId,
  emailNormalized: email,
  locale: "en" as const,
  source: "standalone" as const,
  consentWordingVersion: "updates-v1",
  tokenNonce: hex(),
  confirmTokenHash: hex(),
  manageTokenHash: hex(),
  tokenExpiresAt: new Date(Date.now() + 3600_000),
});

describe(`subscriber queries on ${testDriver}`, () => {
  it("page through confirmed, not suppressed subscribers by id, one row per address", async () => {
    const { db } = database();
    const campaign = await createCampaign();
    const other = await createCampaign();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const row = await upsertConfirmedSubscriber(db, { ...fields(campaign.id, `p${i}@example.org`), consentAt: new Date() });
      ids.push(row.id);
    }
    // The same address again: the same row.
    const again = await upsertConfirmedSubscriber(db, { ...fields(campaign.id, "p0@example.org"), consentAt: new Date() });
    expect(again.id).toBe(ids[0]);
    await upsertConfirmedSubscriber(db, { ...fields(other.id, "p1@example.org"), consentAt: new Date() });
    expect(await insertPendingSubscriber(db, fields(campaign.id, "pending@example.org"))).not.toBeNull();
    expect(await insertPendingSubscriber(db, fields(campaign.id, "pending@example.org"))).toBeNull();
    await unsubscribeSubscriber(db, ids[2]!);
    await suppressAddress(db, "p3@example.org", "bounce");

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await listDeliverableSubscribers(db, campaign.id, after, 2);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((s) => s.email));
      after = page[page.length - 1]!.id;
    }
    expect(seen.sort()).toEqual(["p0@example.org", "p1@example.org", "p4@example.org", "p5@example.org", "p6@example.org"]);
    const all = await listDeliverableSubscribers(db, campaign.id, null, 100);
    expect(all.map((s) => s.id)).toEqual([...all.map((s) => s.id)].sort());
    expect(all[0]).toEqual({ id: expect.any(String), email: expect.any(String), locale: "en", tokenNonce: expect.any(String) });
  });
});
