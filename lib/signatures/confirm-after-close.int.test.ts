import { eq, sql } from "drizzle-orm";
import { sealedSigner } from "@/db/personal-data";
import { beforeAll, describe, expect, it } from "vitest";
import { petitions, signatures } from "@/db/schema";
import { findSignatureByTokenHash } from "@/db/queries/signatures";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makeCampaign, makePetition } from "@/lib/organizers/test-world";
import { countSignaturesByState } from "@/db/queries/signature-reports";
import { confirmSignature } from "./confirm-signature";
import { hashToken, newNonce } from "@/lib/confirmations/tokens";
import { tokenFromNonce } from "./tokens";

/**
 * GOV.UK's rule: a signature made while the petition was open may be confirmed for 24 hours after signing
 * ended (an organizer's close, or the deadline); then it is refused and the count is final. The clock is
 * driven by moving the petition's close (and the signature's creation) into the past, never by waiting.
 */
const database = setUpTestDatabase();
const db = () => database().db;
let campaignId: string;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  campaignId = (await makeCampaign(db(), `late-${Date.now()}`)).id;
});

const hours = (h: number) => sql`now() - ${`${h} hours`}::interval`;

/** A published petition with one pending signature made `signedHoursAgo` ago; returns the link's token. */
async function pendingSignature(signedHoursAgo = 48) {
  const petition = await makePetition(db(), campaignId, `t${Math.random().toString(36).slice(2, 8)}`, "published");
  const nonce = newNonce();
  const token = tokenFromNonce(nonce);
  await db()
    .insert(signatures)
    .values({
      petitionId: petition.id,
      ...sealedSigner(`late.${nonce}@example.org`, "Late Signer"),
      locale: "en",
      tokenNonce: nonce,
      tokenHash: hashToken(token),
      tokenExpiresAt: new Date(Date.now() + 7 * 86_400_000),
      createdAt: sql`${hours(signedHoursAgo)}` as unknown as Date,
    });
  return { petitionId: petition.id, token };
}

async function closeHoursAgo(petitionId: string, h: number) {
  await db().update(petitions).set({ state: "closed", closedAt: sql`${hours(h)}` as unknown as Date }).where(eq(petitions.id, petitionId));
}

const confirmed = async (petitionId: string) => (await countSignaturesByState(db(), petitionId)).confirmed;

describe("confirming after the close", () => {
  it("counts a signature made while open and confirmed within 24 hours of the close", async () => {
    const { petitionId, token } = await pendingSignature();
    await closeHoursAgo(petitionId, 23);
    await expect(confirmSignature(db(), token)).resolves.toMatchObject({ outcome: "confirmed" });
    expect(await confirmed(petitionId)).toBe(1);
  });

  it("refuses it once 24 hours have passed, and the count stays final", async () => {
    const { petitionId, token } = await pendingSignature();
    await closeHoursAgo(petitionId, 25);
    await expect(confirmSignature(db(), token)).rejects.toSatisfy((e) => isAppError(e, "confirmation_closed"));
    expect(await confirmed(petitionId)).toBe(0);
    // What the link's page reads to explain itself.
    expect(await findSignatureByTokenHash(db(), hashToken(token))).toMatchObject({ state: "pending", confirmationCounts: false });
  });

  it("refuses a signature made after the close", async () => {
    const { petitionId, token } = await pendingSignature(1);
    await closeHoursAgo(petitionId, 2);
    await expect(confirmSignature(db(), token)).rejects.toSatisfy((e) => isAppError(e, "confirmation_closed"));
    expect(await confirmed(petitionId)).toBe(0);
  });

  it("applies the same day to a deadline that passed", async () => {
    const recent = await pendingSignature();
    await db().update(petitions).set({ deadline: sql`${hours(3)}` as unknown as Date }).where(eq(petitions.id, recent.petitionId));
    await expect(confirmSignature(db(), recent.token)).resolves.toMatchObject({ outcome: "confirmed" });
    const old = await pendingSignature();
    await db().update(petitions).set({ deadline: sql`${hours(30)}` as unknown as Date }).where(eq(petitions.id, old.petitionId));
    await expect(confirmSignature(db(), old.token)).rejects.toSatisfy((e) => isAppError(e, "confirmation_closed"));
  });

  it("counts nothing more once the signatures were delivered", async () => {
    const { petitionId, token } = await pendingSignature();
    await closeHoursAgo(petitionId, 1);
    await db().update(petitions).set({ state: "delivered" }).where(eq(petitions.id, petitionId));
    await expect(confirmSignature(db(), token)).rejects.toSatisfy((e) => isAppError(e, "confirmation_closed"));
    expect(await confirmed(petitionId)).toBe(0);
  });
});
