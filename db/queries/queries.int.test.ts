import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { campaigns, petitionCountShards, petitions, timelineEvents } from "@/db/schema";
import { testDriver } from "@/db/testing";
import { setUpTestDatabase } from "@/db/test-database";
import type { Localized } from "@/lib/i18n/locales";
import type { PetitionState } from "@/lib/petitions/state";
import { findPublishedCampaign, listTimeline } from "./campaigns";
import { findVisiblePetitionBySlug, listVisiblePetitions } from "./petitions";

const database = setUpTestDatabase();

const text = (s: string): Localized => ({ ru: `${s} (ru)`, kk: `${s} (kk)`, en: s });
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

async function createCampaign(state: "draft" | "published" = "published") {
  const [row] = await database().db
    .insert(campaigns)
    .values({ slug: unique("campaign"), state, name: text("Campaign"), tagline: text("Tagline") })
    .returning();
  if (!row) throw new Error("campaign not created");
  return row;
}

async function createPetition(campaignId: string, state: PetitionState) {
  const [row] = await database().db
    .insert(petitions)
    .values({
      campaignId,
      slug: unique(state),
      state,
      target: text("Target"),
      title: text(`A ${state} petition`),
      summary: text("Summary"),
      body: text("Body"),
      goal: 100,
    })
    .returning();
  if (!row) throw new Error("petition not created");
  return row;
}

describe(`petition queries on ${testDriver}`, () => {
  it("hide drafts and archived petitions from lists and from their own URL", async () => {
    const campaign = await createCampaign();
    const byState = Object.fromEntries(
      await Promise.all(
        (["draft", "published", "closed", "delivered", "archived"] as const).map(
          async (state) => [state, await createPetition(campaign.id, state)] as const,
        ),
      ),
    );
    const listed = (await listVisiblePetitions(database().db, campaign.id)).map((r) => r.petition.state).sort();
    expect(listed).toEqual(["closed", "delivered", "published"]);
    expect(await findVisiblePetitionBySlug(database().db, byState.draft!.slug)).toBeNull();
    expect(await findVisiblePetitionBySlug(database().db, byState.archived!.slug)).toBeNull();
    expect((await findVisiblePetitionBySlug(database().db, byState.closed!.slug))?.petition.id).toBe(byState.closed!.id);
    expect(await findVisiblePetitionBySlug(database().db, "no-such-petition")).toBeNull();
  });

  it("count a petition as the sum of its counter shards, and 0 without any", async () => {
    const campaign = await createCampaign();
    const counted = await createPetition(campaign.id, "published");
    const other = await createPetition(campaign.id, "published");
    const fresh = await createPetition(campaign.id, "published");
    await database().db.insert(petitionCountShards).values([
      { petitionId: counted.id, shard: 0, confirmed: 3 },
      { petitionId: counted.id, shard: 5, confirmed: 4 },
      { petitionId: counted.id, shard: 11, confirmed: 0 },
      { petitionId: other.id, shard: 0, confirmed: 1000 },
    ]);
    expect((await findVisiblePetitionBySlug(database().db, counted.slug))?.count).toBe(7);
    expect((await findVisiblePetitionBySlug(database().db, fresh.slug))?.count).toBe(0);
    const counts = Object.fromEntries(
      (await listVisiblePetitions(database().db, campaign.id)).map((r) => [r.petition.id, r.count]),
    );
    expect(counts).toEqual({ [counted.id]: 7, [other.id]: 1000, [fresh.id]: 0 });
  });
});

describe(`campaign queries on ${testDriver}`, () => {
  it("never return a draft campaign as the published one", async () => {
    const draft = await createCampaign("draft");
    const published = await findPublishedCampaign(database().db);
    expect(published?.id).not.toBe(draft.id);
    expect(published?.state ?? "published").toBe("published");
  });

  it("list the timeline by date, whatever the order it was written in", async () => {
    const campaign = await createCampaign();
    for (const occurredOn of ["2020-07-27", "2017-01-01", "2020-04-20", "2019-03-01"]) {
      await database().db.insert(timelineEvents).values({ campaignId: campaign.id, occurredOn, title: text("t"), body: text("b") });
    }
    const dates = (await listTimeline(database().db, campaign.id)).map((e) => e.occurredOn);
    expect(dates).toEqual(["2017-01-01", "2019-03-01", "2020-04-20", "2020-07-27"]);
  });
});
