import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { abuseRules } from "@/db/schema";

export type AbuseRule = typeof abuseRules.$inferSelect;
export type NewAbuseRule = Pick<AbuseRule, "kind" | "type" | "pattern" | "display" | "note" | "createdBy">;

export function listAbuseRules(db: Db): Promise<AbuseRule[]> {
  return db.select().from(abuseRules).orderBy(asc(abuseRules.kind), asc(abuseRules.createdAt));
}

/** The new rule, or null when the same rule exists already. */
export async function insertAbuseRule(db: Db, rule: NewAbuseRule): Promise<AbuseRule | null> {
  const [row] = await db.insert(abuseRules).values(rule).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deleteAbuseRule(db: Db, id: string): Promise<AbuseRule | null> {
  const [row] = await db.delete(abuseRules).where(eq(abuseRules.id, id)).returning();
  return row ?? null;
}
