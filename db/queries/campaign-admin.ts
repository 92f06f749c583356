import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, media, profiles, sources, timelineEvents } from "@/db/schema";
import type { Localized } from "@/lib/i18n/locales";

/** Writes behind the organizer dashboard. Authorization happens in lib/, before these are called. */

export type Campaign = typeof campaigns.$inferSelect;
export type Profile = typeof profiles.$inferSelect;

const empty: Localized = { ru: "", kk: "", en: "" };

export async function findCampaignById(db: Db, id: string): Promise<Campaign | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row ?? null;
}

/** A new draft campaign with an empty profile; null when the slug is taken. */
export async function insertCampaign(db: Db, input: { slug: string; name: Localized; tagline: Localized }) {
  const [row] = await db
    .insert(campaigns)
    .values({ ...input, state: "draft" })
    .onConflictDoNothing({ target: campaigns.slug })
    .returning();
  if (!row) return null;
  await db.insert(profiles).values(blankProfile(row.id, input.name));
  return row;
}

/** A new campaign's profile: the person's name, every other text still to be written. */
export function blankProfile(campaignId: string, name: Localized): typeof profiles.$inferInsert {
  return {
    campaignId,
    name,
    role: empty,
    residence: empty,
    article: empty,
    nationality: empty,
    citizenship: empty,
    education: empty,
    health: empty,
    summary: empty,
    biography: empty,
  };
}

/** Optimistic update: applies only if nobody saved since `version` was read. Null when the version moved on. */
export async function updateCampaignAtVersion(
  db: Db,
  id: string,
  version: number,
  set: Partial<Pick<Campaign, "name" | "tagline" | "state" | "reviewNote">>,
) {
  const [row] = await db
    .update(campaigns)
    .set({ ...set, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row ?? null;
}

export async function updateProfileAtVersion(
  db: Db,
  campaignId: string,
  version: number,
  set: Partial<Omit<Profile, "campaignId" | "version" | "updatedAt">>,
) {
  const [row] = await db
    .update(profiles)
    .set({ ...set, version: sql`${profiles.version} + 1`, updatedAt: new Date() })
    .where(and(eq(profiles.campaignId, campaignId), eq(profiles.version, version)))
    .returning();
  return row ?? null;
}

export async function insertTimelineEvent(db: Db, input: typeof timelineEvents.$inferInsert) {
  const [row] = await db.insert(timelineEvents).values(input).returning();
  return row!;
}

/** Deletes an event of this campaign; false when there is none with that id in it. */
export async function deleteTimelineEvent(db: Db, campaignId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(timelineEvents)
    .where(and(eq(timelineEvents.id, id), eq(timelineEvents.campaignId, campaignId)))
    .returning({ id: timelineEvents.id });
  return rows.length > 0;
}

export async function insertSource(db: Db, input: typeof sources.$inferInsert) {
  const [row] = await db.insert(sources).values(input).returning();
  return row!;
}

export async function deleteSource(db: Db, campaignId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(sources)
    .where(and(eq(sources.id, id), eq(sources.campaignId, campaignId)))
    .returning({ id: sources.id });
  return rows.length > 0;
}

export async function insertMedia(db: Db, input: typeof media.$inferInsert) {
  const [row] = await db.insert(media).values(input).returning({ id: media.id });
  return row!;
}

/** An image with whether its campaign is public (drafts' images are for the campaign's organizers only). */
export async function findMedia(db: Db, id: string) {
  const [row] = await db
    .select({
      id: media.id,
      campaignId: media.campaignId,
      contentType: media.contentType,
      bytes: media.bytes,
      createdAt: media.createdAt,
      campaignState: campaigns.state,
    })
    .from(media)
    .innerJoin(campaigns, eq(campaigns.id, media.campaignId))
    .where(eq(media.id, id));
  return row ?? null;
}

/** Points the profile at a new portrait. Not versioned: it never conflicts with an edit of the text. */
export async function updateProfilePortrait(db: Db, campaignId: string, portraitPath: string | null): Promise<void> {
  await db.update(profiles).set({ portraitPath, updatedAt: new Date() }).where(eq(profiles.campaignId, campaignId));
}
