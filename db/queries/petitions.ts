import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, petitionCountShards, petitions } from "@/db/schema";
import { campaignIsPublicSql, openForSigningSql, signableStates, closedStates, visiblePetitionStates } from "@/db/lifecycles";
import { preparedPer } from "./prepared";

export type Petition = typeof petitions.$inferSelect;

/** Public only while its campaign is: taking a campaign down (dashboard) takes its petitions down with it. */
const inPublicCampaign = sql`exists (select 1 from ${campaigns} where ${campaigns.id} = ${petitions.campaignId} and ${campaignIsPublicSql(campaigns.state)})`;

const confirmedCount = sql<number>`coalesce((select sum(${petitionCountShards.confirmed}) from ${petitionCountShards} where ${petitionCountShards.petitionId} = ${petitions.id}), 0)::int`;

/** What a list shows of a petition: not its text, which is most of the row. */
const cardColumns = {
  id: petitions.id,
  campaignId: petitions.campaignId,
  slug: petitions.slug,
  state: petitions.state,
  title: petitions.title,
  target: petitions.target,
  summary: petitions.summary,
  goal: petitions.goal,
  deadline: petitions.deadline,
};

/** Open petitions first, then closed ones, then delivered ones; oldest first within each. */
const openFirst = sql`case
  when ${openForSigningSql(petitions.state, petitions.deadline)} then 0
  when ${inArray(petitions.state, [...signableStates, ...closedStates])} then 1
  else 2 end`;
export type ListedPetition = Pick<Petition, keyof typeof cardColumns>;

const visiblePetitions = (db: Db, ofCampaign: boolean) =>
  db
    .select({ petition: cardColumns, count: confirmedCount })
    .from(petitions)
    .where(
      and(
        inArray(petitions.state, [...visiblePetitionStates]),
        inPublicCampaign,
        ofCampaign ? eq(petitions.campaignId, sql.placeholder("campaignId")) : undefined,
      ),
    )
    .orderBy(openFirst, asc(petitions.createdAt));
const allVisible = preparedPer((db) => visiblePetitions(db, false).prepare("visible_petitions"));
const visibleOfCampaign = preparedPer((db) => visiblePetitions(db, true).prepare("visible_petitions_of_campaign"));

/** The petitions the public may see, as cards with their confirmed counts; of one campaign or all. */
export async function listVisiblePetitions(db: Db, campaignId?: string) {
  return campaignId ? visibleOfCampaign(db).execute({ campaignId }) : allVisible(db).execute();
}

const visibleBySlug = preparedPer((db) =>
  db
    .select({
      petition: petitions,
      count: confirmedCount,
      /** For the campaign's "get updates" form on the petition page. */
      campaignSlug: sql<string>`(select ${campaigns.slug} from ${campaigns} where ${campaigns.id} = ${petitions.campaignId})`,
    })
    .from(petitions)
    .where(and(eq(petitions.slug, sql.placeholder("slug")), inArray(petitions.state, [...visiblePetitionStates]), inPublicCampaign))
    .prepare("visible_petition_by_slug"),
);

/** A petition the public may see, with its confirmed count; null for unknown slugs and drafts. */
export async function findVisiblePetitionBySlug(db: Db, slug: string) {
  const [row] = await visibleBySlug(db).execute({ slug });
  return row ?? null;
}

/** Whether a petition exists for the public and whether it takes signatures. */
export async function findPetitionSigningState(db: Db, slug: string) {
  const [row] = await db
    .select({ id: petitions.id, state: petitions.state, deadline: petitions.deadline })
    .from(petitions)
    .where(and(eq(petitions.slug, slug), inArray(petitions.state, [...visiblePetitionStates]), inPublicCampaign));
  return row ?? null;
}

/** Title, target and slug of a visible petition, for pages that only name it (and the sign form's error page). */
export async function findPetitionForSignPage(db: Db, slug: string) {
  const [row] = await db
    .select({ slug: petitions.slug, title: petitions.title, target: petitions.target })
    .from(petitions)
    .where(and(eq(petitions.slug, slug), inArray(petitions.state, [...visiblePetitionStates]), inPublicCampaign));
  return row ?? null;
}
