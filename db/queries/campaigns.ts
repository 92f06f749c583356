import { campaignIsPublicSql } from "@/db/lifecycles";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, profiles, sources, timelineEvents } from "@/db/schema";
import { preparedPer } from "./prepared";

const campaignIdParam = sql.placeholder("campaignId");

const publishedCampaign = preparedPer((db) =>
  db
    .select()
    .from(campaigns)
    .where(campaignIsPublicSql(campaigns.state))
    .orderBy(asc(campaigns.createdAt))
    .limit(1)
    .prepare("published_campaign"),
);

export async function findPublishedCampaign(db: Db) {
  const [row] = await publishedCampaign(db).execute();
  return row ?? null;
}

const profileOf = preparedPer((db) =>
  db.select().from(profiles).where(eq(profiles.campaignId, campaignIdParam)).prepare("profile_of_campaign"),
);

export async function findProfile(db: Db, campaignId: string) {
  const [row] = await profileOf(db).execute({ campaignId });
  return row ?? null;
}

const timelineOf = preparedPer((db) =>
  db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.campaignId, campaignIdParam))
    .orderBy(asc(timelineEvents.occurredOn), asc(timelineEvents.createdAt))
    .prepare("timeline_of_campaign"),
);

export async function listTimeline(db: Db, campaignId: string) {
  return timelineOf(db).execute({ campaignId });
}

const sourcesOf = preparedPer((db) =>
  db.select().from(sources).where(eq(sources.campaignId, campaignIdParam)).orderBy(asc(sources.publishedOn)).prepare("sources_of_campaign"),
);

export async function listSources(db: Db, campaignId: string) {
  return sourcesOf(db).execute({ campaignId });
}

/** A public campaign by its slug (the standalone "get updates" form posts it). */
export async function findPublicCampaignBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, name: campaigns.name })
    .from(campaigns)
    .where(sql`${campaigns.slug} = ${slug} and ${campaignIsPublicSql(campaigns.state)}`);
  return row ?? null;
}
