import { eq } from "drizzle-orm";
import type { Db } from "./index";
import { campaigns, petitions, profiles, sources, timelineEvents } from "./schema";
import { seedContent } from "./seed-content";

/**
 * The first campaign, from the KIBHR profile of 27 July 2020. Idempotent: a campaign that already
 * exists (perhaps edited by its organizers since) is left as it is.
 */
export async function seed(db: Db, content = seedContent): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({ slug: content.campaign.slug, state: "published", name: content.campaign.name, tagline: content.campaign.tagline })
      .onConflictDoNothing({ target: campaigns.slug })
      .returning({ id: campaigns.id });
    if (!campaign) return { created: false };

    const p = content.profile;
    await tx.insert(profiles).values({
      campaignId: campaign.id,
      name: p.name,
      role: p.role,
      residence: p.residence,
      dateOfBirth: p.dateOfBirth,
      article: p.article,
      nationality: p.nationality,
      citizenship: p.citizenship,
      education: p.education,
      health: p.health,
      summary: p.summary,
      biography: p.biography,
    });
    await tx.insert(timelineEvents).values(
      content.timeline.map((e) => ({
        campaignId: campaign.id,
        occurredOn: e.date,
        precision: e.precision,
        title: e.title,
        body: e.body,
      })),
    );
    await tx.insert(sources).values(
      content.sources.map((s) => ({
        campaignId: campaign.id,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.publishedOn,
        url: s.url,
      })),
    );
    const existing = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.slug, content.petition.slug));
    if (existing.length === 0) {
      const q = content.petition;
      await tx.insert(petitions).values({
        campaignId: campaign.id,
        slug: q.slug,
        state: "published",
        target: q.target,
        title: q.title,
        summary: q.summary,
        body: q.body,
        goal: q.goal,
        deadline: new Date(q.deadline),
        publishedAt: new Date(),
      });
    }
    return { created: true };
  });
}
