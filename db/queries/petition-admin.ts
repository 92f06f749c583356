import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { petitionCountShards, petitions } from "@/db/schema";
import type { PetitionState } from "@/lib/petitions/state";

/** Petition writes behind the organizer dashboard. Authorization happens in lib/, before these are called. */

export type Petition = typeof petitions.$inferSelect;
export type PetitionDraft = Pick<Petition, "slug" | "target" | "title" | "summary" | "body" | "goal" | "deadline">;

const confirmedCount = sql<number>`coalesce((select sum(${petitionCountShards.confirmed}) from ${petitionCountShards} where ${petitionCountShards.petitionId} = ${petitions.id}), 0)::int`;

export async function findPetitionById(db: Db, id: string): Promise<Petition | null> {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
  return row ?? null;
}

/** Every petition of a campaign, drafts and archived included, with its confirmed count. */
export async function listCampaignPetitions(db: Db, campaignId: string) {
  return db
    .select({ petition: petitions, count: confirmedCount })
    .from(petitions)
    .where(eq(petitions.campaignId, campaignId))
    .orderBy(asc(petitions.createdAt));
}

/** A new draft; null when the slug is taken. */
export async function insertPetition(db: Db, campaignId: string, draft: PetitionDraft) {
  const [row] = await db
    .insert(petitions)
    .values({ ...draft, campaignId, state: "draft" })
    .onConflictDoNothing({ target: petitions.slug })
    .returning();
  return row ?? null;
}

/** Saves a draft's text if it is still a draft at `version`; null otherwise. Throws on a taken slug. */
export async function updateDraftAtVersion(db: Db, id: string, version: number, draft: PetitionDraft) {
  const [row] = await db
    .update(petitions)
    .set({ ...draft, version: sql`${petitions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(petitions.id, id), eq(petitions.version, version), eq(petitions.state, "draft")))
    .returning();
  return row ?? null;
}

/**
 * The one way a petition changes state: a guarded UPDATE that happens only from `from` at `version`.
 * Returns the updated row, or null when the petition was in another state or changed meanwhile.
 */
export async function transitionPetitionState(
  db: Db,
  id: string,
  expected: { from: PetitionState; version: number },
  to: PetitionState,
  set: Partial<Pick<Petition, "publishedAt" | "closedAt" | "deliveredAt" | "archivedAt" | "deliveryNote">> = {},
) {
  const [row] = await db
    .update(petitions)
    .set({ ...set, state: to, version: sql`${petitions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(petitions.id, id), eq(petitions.state, expected.from), eq(petitions.version, expected.version)))
    .returning();
  return row ?? null;
}
