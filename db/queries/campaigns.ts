import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, profiles, sources, timelineEvents } from "@/db/schema";

export async function findPublishedCampaign(db: Db) {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.state, "published"))
    .orderBy(asc(campaigns.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findProfile(db: Db, campaignId: string) {
  const [row] = await db.select().from(profiles).where(eq(profiles.campaignId, campaignId));
  return row ?? null;
}

export async function listTimeline(db: Db, campaignId: string) {
  return db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.campaignId, campaignId))
    .orderBy(asc(timelineEvents.occurredOn), asc(timelineEvents.createdAt));
}

export async function listSources(db: Db, campaignId: string) {
  return db.select().from(sources).where(eq(sources.campaignId, campaignId)).orderBy(asc(sources.publishedOn));
}
