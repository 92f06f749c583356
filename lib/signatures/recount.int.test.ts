import { randomBytes } from "node:crypto";
import { sealedSigner } from "@/db/personal-data";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { incrementConfirmedCount, reconcileConfirmedCounts, reconcileMarkedCounts } from "@/db/queries/signatures";
import { petitionCountShards, signatures } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { makePetition, makeWorld } from "@/lib/organizers/test-world";

// The 5-minute recount rescans only the petitions whose signatures changed since its last run (marked by triggers
// on `signatures`, whoever wrote the change); the daily full recount repairs the rest.

const database = setUpTestDatabase();
const db = () => database().db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  world = await makeWorld(db());
});

/** A confirmed signature counted as a confirmation counts it (shards moved in step), or written around the counters. */
async function addSignature(petitionId: string, o: { state?: "pending" | "confirmed"; named?: boolean; counted?: boolean } = {}) {
  const tag = randomBytes(6).toString("hex");
  const state = o.state ?? "confirmed";
  const [row] = await db()
    .insert(signatures)
    .values({
      petitionId,
      ...sealedSigner(`recount.${tag}@example.org`, `Name ${tag}`),
      locale: "ru",
      state,
      showNamePublicly: o.named ?? true,
      tokenNonce: tag,
      tokenHash: tag,
      tokenExpiresAt: new Date(Date.now() + 86_400_000),
      confirmedAt: state === "confirmed" ? new Date() : null,
    })
    .returning();
  if (state === "confirmed" && (o.counted ?? true)) await incrementConfirmedCount(db(), petitionId, { named: o.named ?? true });
  return row!;
}

async function figures(petitionId: string) {
  const [row] = rowsOf<{ confirmed: number; named: number }>(
    await db().execute(sql`select coalesce(sum(confirmed), 0)::int as confirmed, coalesce(sum(named), 0)::int as named
      from petition_count_shards where petition_id = ${petitionId}`),
  );
  return { confirmed: Number(row!.confirmed), named: Number(row!.named) };
}

/** Shards edited on their own (a restore, a slip by hand): nothing marks the petition. */
const drift = (petitionId: string, by: number) =>
  db().insert(petitionCountShards).values({ petitionId, shard: 9, confirmed: by, named: by }).onConflictDoUpdate({
    target: [petitionCountShards.petitionId, petitionCountShards.shard],
    set: { confirmed: sql`${petitionCountShards.confirmed} + ${by}`, named: sql`${petitionCountShards.named} + ${by}` },
  });

describe("the incremental recount", () => {
  it("rescans only the petitions whose signatures changed: a touched one is repaired, an untouched one is not read", async () => {
    const touched = await makePetition(db(), world.campaignA.id, "touched", "published");
    const untouched = await makePetition(db(), world.campaignA.id, "untouched", "published");
    for (const p of [touched, untouched]) {
      await addSignature(p.id);
      await addSignature(p.id, { named: false });
    }
    const pending = await addSignature(touched.id, { state: "pending" });
    // The confirmations above marked both petitions; their counts agree, so nothing is corrected.
    expect(await reconcileMarkedCounts(db())).toEqual({ petitions: 2, reconciled: 0 });
    expect(await reconcileMarkedCounts(db())).toEqual({ petitions: 0, reconciled: 0 });

    await drift(touched.id, 5);
    await drift(untouched.id, 5);
    // A change written around the counters: confirmed without counting (a bulk change, a restore of signatures).
    await db().update(signatures).set({ state: "confirmed", confirmedAt: new Date() }).where(eq(signatures.id, pending.id));
    expect(await reconcileMarkedCounts(db())).toEqual({ petitions: 1, reconciled: 1 });
    expect(await figures(touched.id)).toEqual({ confirmed: 3, named: 2 });
    // The untouched petition was not rescanned: its drift is still there, for the daily full recount.
    expect(await figures(untouched.id)).toEqual({ confirmed: 7, named: 6 });
    expect(await reconcileMarkedCounts(db())).toEqual({ petitions: 0, reconciled: 0 });

    expect(await reconcileConfirmedCounts(db())).toBe(1);
    expect(await figures(untouched.id)).toEqual({ confirmed: 2, named: 1 });
    expect(await reconcileConfirmedCounts(db())).toBe(0);
  });

  it("is marked by every change that moves a count, and by none that cannot", async () => {
    const p = await makePetition(db(), world.campaignB.id, "marks", "published");
    const a = await addSignature(p.id);
    const b = await addSignature(p.id);
    const quiet = await addSignature(p.id, { state: "pending" });
    await reconcileMarkedCounts(db());
    const marks = async () =>
      Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from petition_recount_marks where petition_id = ${p.id}`))[0]!.n);

    // Signing-path writes to a pending row, and non-count columns of a confirmed one: no mark.
    await db().update(signatures).set({ confirmationEmailsSent: 2, updatedAt: new Date() }).where(eq(signatures.id, quiet.id));
    await db().update(signatures).set({ locale: "kk", clientHash: null }).where(eq(signatures.id, a.id));
    await addSignature(p.id, { state: "pending" });
    expect(await marks()).toBe(0);

    // A name hidden, a signature withdrawn, one deleted: each marks the petition, and the recount repairs all of it.
    await db().update(signatures).set({ nameHiddenAt: new Date() }).where(eq(signatures.id, a.id));
    expect(await marks()).toBe(1);
    await db().update(signatures).set({ state: "withdrawn" }).where(eq(signatures.id, b.id));
    await db().delete(signatures).where(eq(signatures.id, a.id));
    expect(await marks()).toBe(3);
    expect(await reconcileMarkedCounts(db())).toEqual({ petitions: 1, reconciled: 1 });
    expect(await figures(p.id)).toEqual({ confirmed: 0, named: 0 });
    expect(await marks()).toBe(0);
  });

  it("takes a mark and the change behind it together: a change committing during a run waits for the next one", async () => {
    const p = await makePetition(db(), world.campaignB.id, "concurrent", "published");
    await addSignature(p.id);
    await reconcileMarkedCounts(db());
    // Many confirmations around the counters while runs go on: when all have committed, one more run agrees.
    const writes = Array.from({ length: 20 }, () => addSignature(p.id, { counted: false }));
    const runs = Array.from({ length: 5 }, () => reconcileMarkedCounts(db()));
    await Promise.all([...writes, ...runs]);
    await reconcileMarkedCounts(db());
    expect(await figures(p.id)).toEqual({ confirmed: 21, named: 21 });
    expect(await reconcileConfirmedCounts(db())).toBe(0);
  });
});
