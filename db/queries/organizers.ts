import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { campaignMembers, campaigns, invitations, sessions, users, verificationTokens } from "@/db/schema";
import type { UserRole } from "@/db/schema/auth";
import type { Locale } from "@/lib/i18n/locales";

export type User = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/**
 * Creates the person's account, or re-enables it. An admin stays an admin when invited as an organizer.
 */
export async function upsertInvitedUser(db: Db, input: { email: string; role: UserRole; locale: Locale }): Promise<User> {
  const [row] = await db
    .insert(users)
    .values({ email: input.email, role: input.role, locale: input.locale })
    .onConflictDoUpdate({
      target: users.email,
      set: {
        disabledAt: null,
        role: sql`case when ${users.role} = 'admin' then 'admin' else excluded.role end`,
      },
    })
    .returning();
  if (!row) throw new Error("upsertInvitedUser: no row returned");
  return row;
}

/** Removes the person's access: marks the account disabled and ends every session. */
export async function disableUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ disabledAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .returning({ id: users.id });
  await db.delete(sessions).where(eq(sessions.userId, userId));
  return rows.length > 0;
}

export async function addCampaignMember(db: Db, campaignId: string, userId: string): Promise<void> {
  await db.insert(campaignMembers).values({ campaignId, userId }).onConflictDoNothing();
}

export async function isCampaignMember(db: Db, campaignId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId)));
  return rows.length > 0;
}

export async function insertInvitation(
  db: Db,
  input: { email: string; role: UserRole; campaignId: string | null; invitedBy: string | null },
) {
  const [row] = await db.insert(invitations).values(input).returning();
  if (!row) throw new Error("insertInvitation: no row returned");
  return row;
}

export async function markInvitationsAccepted(db: Db, email: string): Promise<void> {
  await db
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt)));
}

/** Every account with the campaigns it organizes (admin page). */
export async function listUsersWithCampaigns(db: Db) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
    })
    .from(users)
    .leftJoin(campaignMembers, eq(campaignMembers.userId, users.id))
    .leftJoin(campaigns, eq(campaigns.id, campaignMembers.campaignId))
    .orderBy(asc(users.email), asc(campaigns.createdAt));
  const byUser = new Map<string, Omit<(typeof rows)[number], "campaignId" | "campaignName"> & { campaigns: { id: string; name: (typeof rows)[number]["campaignName"] }[] }>();
  for (const { campaignId, campaignName, ...user } of rows) {
    const entry = byUser.get(user.id) ?? { ...user, campaigns: [] };
    if (campaignId) entry.campaigns.push({ id: campaignId, name: campaignName });
    byUser.set(user.id, entry);
  }
  return [...byUser.values()];
}

/** Campaigns a person may manage: all of them for an admin, their own for an organizer. */
export async function listCampaignsFor(db: Db, actor: { userId: string; role: UserRole }) {
  if (actor.role === "admin") return db.select().from(campaigns).orderBy(asc(campaigns.createdAt));
  const mine = db.select({ id: campaignMembers.campaignId }).from(campaignMembers).where(eq(campaignMembers.userId, actor.userId));
  return db.select().from(campaigns).where(inArray(campaigns.id, mine)).orderBy(asc(campaigns.createdAt));
}

/**
 * Stores a sign-in link (its hash) unless the address already holds `max` live ones; false when refused.
 * A per-address lock makes concurrent requests for one address count one after the other.
 */
export async function insertSignInLinkUnderCap(db: Db, link: { identifier: string; token: string; expires: Date }, max: number): Promise<boolean> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${link.identifier}`}))`);
  const result = await db.execute(sql`
    insert into ${verificationTokens} (identifier, token, expires)
    select ${link.identifier}, ${link.token}, ${link.expires.toISOString()}::timestamptz
    where (select count(*) from ${verificationTokens} where identifier = ${link.identifier} and expires > now()) < ${max}
    returning token`);
  return rowsOf(result).length > 0;
}

export async function deleteSignInLink(db: Db, identifier: string, token: string): Promise<void> {
  await db.delete(verificationTokens).where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)));
}

/** After a sign-in, the other links sent to the same address stop working. */
export async function deleteSignInLinks(db: Db, email: string): Promise<void> {
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
}
