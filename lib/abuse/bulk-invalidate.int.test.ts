import { randomBytes } from "node:crypto";
import { sealedSigner } from "@/db/personal-data";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { countPublicSignerNames, reconcileConfirmedCounts } from "@/db/queries/signatures";
import { auditLog, bulkInvalidations, petitionCountShards, signatures } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makePetition, makeWorld } from "@/lib/organizers/test-world";
import { applyRetention } from "@/lib/retention/apply-retention";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { tokenFromNonce } from "@/lib/signatures/tokens";
import { hashToken } from "@/lib/confirmations/tokens";
import { bulkFilterSchema, bulkRunSchema } from "@/lib/validation/abuse";
import { bulkInvalidationPage, previewBulkInvalidation, reverseBulkInvalidation, runBulkInvalidation } from "./bulk-invalidate";

// Issue 13 item 5: bulk invalidation (admins): filter, preview the count, run (the count moves at once), audited,
// reversible within 7 days, then final.

const database = setUpTestDatabase({ max: 10 });
let world: Awaited<ReturnType<typeof makeWorld>>;
const db = () => database().db;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
  world = await makeWorld(db());
});

type Sig = { email: string; name?: string; state?: "pending" | "confirmed"; clientHash?: string; createdAt?: Date; shown?: boolean };
async function add(petitionId: string, rows: Sig[]) {
  const ids: string[] = [];
  for (const r of rows) {
    const nonce = randomBytes(16).toString("base64url");
    const [s] = await db()
      .insert(signatures)
      .values({
        petitionId,
        ...sealedSigner(r.email, r.name ?? "Әлия"),
        locale: "ru",
        state: r.state ?? "confirmed",
        tokenNonce: nonce,
        tokenHash: hashToken(tokenFromNonce(nonce)),
        tokenExpiresAt: new Date(Date.now() + 14 * DAY),
        clientHash: r.clientHash ?? null,
        showNamePublicly: r.shown ?? false,
        createdAt: r.createdAt ?? new Date(),
        confirmedAt: (r.state ?? "confirmed") === "confirmed" ? new Date() : null,
      })
      .returning({ id: signatures.id });
    ids.push(s!.id);
    if ((r.state ?? "confirmed") === "confirmed") {
      const named = r.shown ? 1 : 0;
      await db().insert(petitionCountShards).values({ petitionId, shard: 1, confirmed: 1, named })
        .onConflictDoUpdate({
          target: [petitionCountShards.petitionId, petitionCountShards.shard],
          set: { confirmed: sql`${petitionCountShards.confirmed} + 1`, named: sql`${petitionCountShards.named} + ${named}` },
        });
    }
  }
  return ids;
}
const states = async (ids: string[]) => (await db().select({ id: signatures.id, state: signatures.state }).from(signatures).where(inArray(signatures.id, ids))).map((r) => r.state).sort();
const count = async (slug: string) => (await findVisiblePetitionBySlug(db(), slug))!.count;
const hash = () => randomBytes(16).toString("hex");

describe("bulk invalidation", () => {
  it("previews exactly what it then invalidates; the count drops at once; audited without names; reversal restores it all", async () => {
    const p = await makePetition(db(), world.campaignA.id, world.tag, "published");
    const bot = hash();
    const other = hash();
    const bots = await add(p.id, [
      { email: "a@spam.example", clientHash: bot, shown: true }, // on the public list of names: it leaves it
      { email: "b@spam.example", clientHash: bot },
      { email: "c@spam.example", clientHash: bot, state: "pending" },
    ]);
    const people = await add(p.id, [
      { email: "d@spam.example", clientHash: other }, // same domain, another address-hash
      { email: "e@mail.kz", clientHash: bot }, // same address-hash (a carrier's CGNAT), another domain
    ]);
    const elsewhere = await add(world.published.id, [{ email: "f@spam.example", clientHash: bot }]);
    const filter = bulkFilterSchema.parse({ petitionId: p.id, domain: "@Spam.Example", clientHash: bot });
    const before = { p: await count(p.slug), elsewhere: await count(world.published.slug) };

    const preview = await previewBulkInvalidation(db(), world.admin, filter);
    expect(preview).toEqual({ total: 3, confirmed: 2 });
    const run = await runBulkInvalidation(db(), world.admin, { ...filter, expected: preview.total });
    expect(run).toMatchObject({ total: 3, confirmed: 2 });
    expect(await states(bots)).toEqual(["invalidated", "invalidated", "invalidated"]);
    expect(await states(people)).toEqual(["confirmed", "confirmed"]);
    expect(await states(elsewhere)).toEqual(["confirmed"]);
    expect(await count(p.slug)).toBe(before.p - 2);
    expect(await countPublicSignerNames(db(), p.id)).toBe(0);
    expect(await count(world.published.slug)).toBe(before.elsewhere);
    expect(await reconcileConfirmedCounts(db())).toBe(0);
    // A pending one that was invalidated cannot be confirmed any more.
    const [pending] = await db().select().from(signatures).where(eq(signatures.id, bots[2]!));
    await expect(confirmSignature(db(), tokenFromNonce(pending!.tokenNonce))).rejects.toSatisfy((e) => isAppError(e));
    expect(await previewBulkInvalidation(db(), world.admin, filter)).toEqual({ total: 0, confirmed: 0 });

    const [entry] = await db().select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(entry).toMatchObject({ action: "signatures.bulk_invalidate", actorId: world.admin.userId });
    expect(entry!.details).toMatchObject({ invalidated: 3, confirmed: 2, filter: { domain: "spam.example", clientHash: bot } });

    const page = await bulkInvalidationPage(db(), world.admin);
    expect(page.runs.find((r) => r.id === run.id)).toMatchObject({ invalidated: 3, reversible: true });

    expect(await reverseBulkInvalidation(db(), world.admin, { invalidationId: run.id })).toEqual({ total: 3, confirmed: 2 });
    expect(await states(bots)).toEqual(["confirmed", "confirmed", "pending"]);
    expect(await count(p.slug)).toBe(before.p);
    expect(await countPublicSignerNames(db(), p.id)).toBe(1);
    expect(await reconcileConfirmedCounts(db())).toBe(0);
    const [reversal] = await db().select().from(auditLog).where(sql`${auditLog.entityId} = ${run.id} and ${auditLog.action} = 'signatures.bulk_restore'`);
    expect(reversal?.details).toMatchObject({ restored: 3, confirmed: 2 });
    // Once reversed, not again.
    await expect(reverseBulkInvalidation(db(), world.admin, { invalidationId: run.id })).rejects.toSatisfy((e) => isAppError(e, "illegal_transition"));
  });

  it("filters by name and by a date range (days in Almaty); a changed match since the preview refuses the run, changing nothing", async () => {
    const p = await makePetition(db(), world.campaignA.id, world.tag, "published");
    const old = new Date("2026-11-10T20:00:00Z"); // 11 November, 01:00 in Almaty
    const named = await add(p.id, [
      { email: "x1@a.example", name: "Bot Botov", createdAt: old },
      { email: "x2@b.example", name: "bot botov", createdAt: old },
      { email: "x3@c.example", name: "Bot Botov" }, // today: outside the range
      { email: "x4@d.example", name: "Aliya", createdAt: old },
    ]);
    const filter = bulkFilterSchema.parse({ petitionId: p.id, name: "BOT bot", from: "2026-11-11", to: "2026-11-11" });
    expect(await previewBulkInvalidation(db(), world.admin, filter)).toEqual({ total: 2, confirmed: 2 });
    expect(await previewBulkInvalidation(db(), world.admin, { ...filter, from: "2026-11-10", to: "2026-11-10" })).toEqual({ total: 0, confirmed: 0 });
    const before = await count(p.slug);
    await add(p.id, [{ email: "x5@e.example", name: "Bot Botov", createdAt: old }]); // arrived after the preview
    await expect(runBulkInvalidation(db(), world.admin, { ...filter, expected: 2 })).rejects.toSatisfy((e) => isAppError(e, "conflict"));
    expect(await states(named)).toEqual(["confirmed", "confirmed", "confirmed", "confirmed"]);
    expect(await db().select().from(bulkInvalidations).where(eq(bulkInvalidations.petitionId, p.id))).toHaveLength(0);
    expect(await count(p.slug)).toBe(before + 1);
  });

  it("is final after 7 days: the retention job forgets what it changed, and it can no longer be reversed", async () => {
    const p = await makePetition(db(), world.campaignA.id, world.tag, "published");
    const ids = await add(p.id, [{ email: "z@old.example" }]);
    const run = await runBulkInvalidation(db(), world.admin, { ...bulkFilterSchema.parse({ petitionId: p.id, domain: "old.example" }), expected: 1 });
    await db().update(bulkInvalidations).set({ createdAt: new Date(Date.now() - 8 * DAY) }).where(eq(bulkInvalidations.id, run.id));
    expect((await bulkInvalidationPage(db(), world.admin)).runs.find((r) => r.id === run.id)?.reversible).toBe(false);
    await expect(reverseBulkInvalidation(db(), world.admin, { invalidationId: run.id })).rejects.toSatisfy((e) => isAppError(e, "illegal_transition"));
    expect((await applyRetention(db())).bulkFinal).toBeGreaterThanOrEqual(1);
    expect(await states(ids)).toEqual(["invalidated"]);
  });

  it("refuses a filter without any criterion, a bad domain or hash, and an upside-down range", () => {
    const petitionId = world.published.id;
    for (const bad of [{}, { domain: "not a domain" }, { clientHash: "xyz" }, { from: "2026-12-02", to: "2026-12-01" }, { from: "2026-13-01" }]) {
      expect(bulkFilterSchema.safeParse({ petitionId, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(bulkRunSchema.safeParse({ petitionId, domain: "x.example", expected: "0" }).success).toBe(false);
    expect(bulkRunSchema.parse({ petitionId, domain: "x.example", expected: "3", name: "" })).toEqual({ petitionId, domain: "x.example", expected: 3 });
  });
});
