import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { auditLog, recoveryCodes, secondFactors, sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { hashSessionToken } from "@/lib/auth/adapter";
import { isAppError } from "@/lib/errors";
import { type Actor, requireActor } from "@/lib/organizers/access";
import { makeUser } from "@/lib/organizers/test-world";
import { confirmEnrollment } from "./confirm-enrollment";
import { keepNewRecoveryCodes, makeNewRecoveryCodes } from "./new-recovery-codes";
import { resetSecondFactor } from "./reset-second-factor";
import { getSecondFactorStatus } from "./second-factor-status";
import { startEnrollment } from "./start-enrollment";
import { secondFactorTries, verifySecondFactor } from "./verify-second-factor";

process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const database = setUpTestDatabase();
const db = () => database().db;

const t0 = new Date(Date.UTC(2026, 11, 1, 9, 0, 0));
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

/** A signed-in admin with a database session of their own, as currentActor() would see them. */
async function signedInAdmin(tag = randomBytes(3).toString("hex")): Promise<Actor> {
  const user = await makeUser(db(), "admin", `2fa-${tag}`);
  return newSession(user);
}
async function newSession(user: Actor): Promise<Actor> {
  const tokenHash = hashSessionToken(randomBytes(32).toString("base64url"));
  await db().insert(sessions).values({ sessionToken: tokenHash, userId: user.userId, expires: later(3600) });
  return { userId: user.userId, email: user.email, role: user.role, session: { tokenHash, secondFactorAt: null }, pendingSecondFactor: true };
}
const sessionVerified = async (actor: Actor) => Boolean((await db().select().from(sessions).where(eq(sessions.sessionToken, actor.session!.tokenHash)))[0]?.secondFactorAt);
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (isAppError(e) ? `${e.code}${e.fields.code ? `:${e.fields.code}` : ""}` : "unexpected"));

async function enrolled(): Promise<{ admin: Actor; secret: string; codes: string[] }> {
  const admin = await signedInAdmin();
  await startEnrollment(db(), admin);
  const status = await getSecondFactorStatus(db(), admin);
  if (status.state !== "enrolling") throw new Error("expected enrolling");
  await confirmEnrollment(db(), admin, { code: await codeAt(status.secret, t0) }, t0);
  return { admin, secret: status.secret, codes: status.recoveryCodes };
}

describe("setting up a second factor", () => {
  it("keeps the secret sealed and the recovery codes hashed; the first code turns it on and verifies the session", async () => {
    const admin = await signedInAdmin();
    expect(await getSecondFactorStatus(db(), admin)).toEqual({ state: "not_enrolled" });
    await startEnrollment(db(), admin);
    const status = await getSecondFactorStatus(db(), admin);
    if (status.state !== "enrolling") throw new Error("expected enrolling");
    expect(status.uri).toMatch(/^otpauth:\/\/totp\/Qoldau:/);
    expect(status.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(status.recoveryCodes).toHaveLength(10);
    const [row] = await db().select().from(secondFactors).where(eq(secondFactors.userId, admin.userId));
    expect(row!.totpSecret).not.toContain(status.secret);
    expect(row!.pendingRecoveryCodes).not.toContain(status.recoveryCodes[0]);

    expect(await refusal(confirmEnrollment(db(), admin, { code: "000000" }, t0))).toBe("invalid_input:code_invalid");
    await confirmEnrollment(db(), admin, { code: await codeAt(status.secret, t0) }, t0);
    expect(await sessionVerified(admin)).toBe(true);
    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, admin.userId));
    expect(stored).toHaveLength(10);
    expect(stored.map((c) => c.codeHash)).not.toContain(status.recoveryCodes[0]);
    expect((await db().select().from(secondFactors).where(eq(secondFactors.userId, admin.userId)))[0]!.pendingRecoveryCodes).toBeNull();
    // Set up once: starting again is refused.
    expect(await refusal(startEnrollment(db(), { ...admin, pendingSecondFactor: false }))).toBe("conflict");
  });

  it("is for admins only", async () => {
    const organizer = await makeUser(db(), "organizer", `2fa-org-${randomBytes(3).toString("hex")}`);
    expect(await refusal(startEnrollment(db(), organizer))).toBe("forbidden");
    expect(await refusal(startEnrollment(db(), null))).toBe("unauthenticated");
  });
});

describe("signing in with the second factor", () => {
  it("a pending admin can do nothing else; a current code verifies the new session, once", async () => {
    const { admin, secret } = await enrolled();
    const next = await newSession(admin);
    expect(() => requireActor(next)).toThrow("second_factor_required");
    const when = later(90);
    const code = await codeAt(secret, when);
    await verifySecondFactor(db(), next, { code }, when);
    expect(await sessionVerified(next)).toBe(true);
    // The same code again (replay, or seen over a shoulder) fails, in another session too.
    const third = await newSession(admin);
    expect(await refusal(verifySecondFactor(db(), third, { code }, later(95)))).toBe("invalid_input:code_invalid");
    // A code from an hour ago fails; one from the next step passes.
    expect(await refusal(verifySecondFactor(db(), third, { code: await codeAt(secret, t0) }, later(3600)))).toBe("invalid_input:code_invalid");
    await verifySecondFactor(db(), third, { code: await codeAt(secret, later(120)) }, later(120));
    expect(await sessionVerified(third)).toBe(true);
  });

  it("a recovery code works once, in any spelling; failures are audited and limited", async () => {
    const { admin, codes } = await enrolled();
    const s1 = await newSession(admin);
    await verifySecondFactor(db(), s1, { code: codes[0]!.toLowerCase().replace("-", " ") }, later(60));
    expect(await sessionVerified(s1)).toBe(true);
    const s2 = await newSession(admin);
    expect(await refusal(verifySecondFactor(db(), s2, { code: codes[0]! }, later(61)))).toBe("invalid_input:code_invalid");
    const failures = await db().select().from(auditLog).where(eq(auditLog.actorId, admin.userId));
    expect(failures.filter((e) => e.action === "second_factor.fail")).toHaveLength(1);
    expect(failures.filter((e) => e.action === "second_factor.recovery_code")).toHaveLength(1);
    // Guessing: at most `max` tries a window, then refused even with a right code.
    const when = later(1800);
    for (let i = 0; i < secondFactorTries.max; i++) await refusal(verifySecondFactor(db(), s2, { code: "123456" }, when));
    expect(await refusal(verifySecondFactor(db(), s2, { code: codes[1]! }, when))).toBe("rate_limited:too_many_tries");
  });

  it("new recovery codes replace the old ones once saved; another admin can reset a lost authenticator", async () => {
    const { admin, codes } = await enrolled();
    const verified: Actor = { ...admin, pendingSecondFactor: false, session: { ...admin.session!, secondFactorAt: t0 } };
    await makeNewRecoveryCodes(db(), verified);
    const status = await getSecondFactorStatus(db(), verified);
    if (status.state !== "enrolled" || !status.newCodes) throw new Error("expected new codes");
    await keepNewRecoveryCodes(db(), verified);
    const s = await newSession(admin);
    expect(await refusal(verifySecondFactor(db(), s, { code: codes[2]! }, later(10)))).toBe("invalid_input:code_invalid");
    await verifySecondFactor(db(), s, { code: status.newCodes[0]! }, later(11));

    const other = await enrolled();
    const otherVerified: Actor = { ...other.admin, pendingSecondFactor: false, session: { ...other.admin.session!, secondFactorAt: t0 } };
    expect(await refusal(resetSecondFactor(db(), otherVerified, { userId: otherVerified.userId }))).toBe("forbidden");
    expect(await refusal(resetSecondFactor(db(), other.admin, { userId: admin.userId }))).toBe("second_factor_required");
    await resetSecondFactor(db(), otherVerified, { userId: admin.userId });
    expect(await getSecondFactorStatus(db(), admin)).toEqual({ state: "not_enrolled" });
    expect(await sessionVerified(s)).toBe(false);
  });
});
