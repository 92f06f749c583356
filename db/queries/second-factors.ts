import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { recoveryCodes, secondFactors, sessions } from "@/db/schema";

export async function findSecondFactor(db: Db, userId: string) {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  return row ?? null;
}

/** A new secret and recovery codes for someone not enrolled yet (a pending enrollment is replaced). */
export async function savePendingEnrollment(db: Db, userId: string, totpSecret: string, pendingRecoveryCodes: string): Promise<boolean> {
  const rows = await db
    .insert(secondFactors)
    .values({ userId, totpSecret, pendingRecoveryCodes })
    .onConflictDoUpdate({ target: secondFactors.userId, set: { totpSecret, pendingRecoveryCodes, lastTimeStep: null }, setWhere: isNull(secondFactors.enabledAt) })
    .returning({ userId: secondFactors.userId });
  return rows.length === 1;
}

/**
 * Uses a TOTP time step once: true only if it is later than the last one used (so a code seen over someone's
 * shoulder, or replayed, fails). With `enable`, also turns a pending enrollment on.
 */
export async function takeTimeStep(db: Db, userId: string, step: number, enable: boolean): Promise<boolean> {
  const rows = await db
    .update(secondFactors)
    .set(enable ? { lastTimeStep: step, enabledAt: sql`now()` } : { lastTimeStep: step })
    .where(
      and(
        eq(secondFactors.userId, userId),
        enable ? isNull(secondFactors.enabledAt) : sql`${secondFactors.enabledAt} is not null`,
        or(isNull(secondFactors.lastTimeStep), lt(secondFactors.lastTimeStep, step)),
      ),
    )
    .returning({ userId: secondFactors.userId });
  return rows.length === 1;
}

export async function savePendingRecoveryCodes(db: Db, userId: string, sealed: string | null): Promise<void> {
  await db.update(secondFactors).set({ pendingRecoveryCodes: sealed }).where(eq(secondFactors.userId, userId));
}

/** The person saved the codes: the hashes replace every earlier code, and the readable copy is gone. */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
    await tx.update(secondFactors).set({ pendingRecoveryCodes: null }).where(eq(secondFactors.userId, userId));
  });
}

/** Uses a recovery code once; false if it is unknown, someone else's, or used. */
export async function spendRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export async function markSessionSecondFactor(db: Db, sessionTokenHash: string, userId: string): Promise<void> {
  await db.update(sessions).set({ secondFactorAt: sql`now()` }).where(and(eq(sessions.sessionToken, sessionTokenHash), eq(sessions.userId, userId)));
}

/** An admin resets someone's lost authenticator: the next sign-in enrolls again. */
export async function deleteSecondFactor(db: Db, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).returning({ userId: secondFactors.userId });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.update(sessions).set({ secondFactorAt: null }).where(eq(sessions.userId, userId));
    return rows.length === 1;
  });
}
