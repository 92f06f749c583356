import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { blankProfile } from "@/db/queries/campaign-admin";
import { campaignMembers, campaigns, petitions, profiles, sources, timelineEvents, users } from "@/db/schema";
import type { Localized } from "@/lib/i18n/locales";
import type { Actor } from "./access";

/** Test data only: a fresh, uniquely named set of campaigns, people and petitions for one test. */

export const tri = (s: string): Localized => ({ ru: `${s} ru`, kk: `${s} kk`, en: `${s} en` });

export async function makeUser(db: Db, role: "admin" | "organizer", tag: string) {
  const [u] = await db.insert(users).values({ email: `${role}-${tag}@example.org`, role }).returning();
  return { userId: u!.id, email: u!.email, role } satisfies Actor;
}

export async function makeCampaign(db: Db, tag: string, state: "draft" | "published" = "published") {
  const [c] = await db.insert(campaigns).values({ slug: `campaign-${tag}`, state, name: tri(`Campaign ${tag}`), tagline: tri("tagline") }).returning();
  await db.insert(profiles).values(blankProfile(c!.id, tri("Person")));
  return c!;
}

export async function makePetition(db: Db, campaignId: string, tag: string, state: "draft" | "published" | "closed" | "delivered" | "archived" = "draft") {
  const [p] = await db
    .insert(petitions)
    .values({
      campaignId,
      slug: `petition-${tag}-${state}-${randomBytes(3).toString("hex")}`,
      state,
      target: tri("Prosecutor"),
      title: tri("Drop the charges"),
      summary: tri("Summary"),
      body: tri("Body"),
      goal: 1000,
      publishedAt: state === "draft" ? null : new Date(),
    })
    .returning();
  return p!;
}

/** Two campaigns; an organizer of each; an admin; petitions of campaign A in several states; its timeline and sources. */
export async function makeWorld(db: Db) {
  const tag = randomBytes(4).toString("hex");
  const admin = await makeUser(db, "admin", tag);
  const organizer = await makeUser(db, "organizer", `a-${tag}`);
  const other = await makeUser(db, "organizer", `b-${tag}`);
  const campaignA = await makeCampaign(db, `a-${tag}`);
  const campaignB = await makeCampaign(db, `b-${tag}`);
  const draftCampaign = await makeCampaign(db, `d-${tag}`, "draft");
  await db.insert(campaignMembers).values([
    { campaignId: campaignA.id, userId: organizer.userId },
    { campaignId: draftCampaign.id, userId: organizer.userId },
    { campaignId: campaignB.id, userId: other.userId },
  ]);
  const [event] = await db.insert(timelineEvents).values({ campaignId: campaignA.id, occurredOn: "2020-04-20", title: tri("Case opened"), body: tri("") }).returning();
  const [source] = await db.insert(sources).values({ campaignId: campaignA.id, title: tri("Profile"), publisher: tri("KIBHR"), url: "https://example.org/" }).returning();
  return {
    tag,
    admin,
    organizer,
    other,
    campaignA,
    campaignB,
    draftCampaign,
    event: event!,
    source: source!,
    draft: await makePetition(db, campaignA.id, tag, "draft"),
    published: await makePetition(db, campaignA.id, tag, "published"),
    closed: await makePetition(db, campaignA.id, tag, "closed"),
    delivered: await makePetition(db, campaignA.id, tag, "delivered"),
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
