import { randomBytes } from "node:crypto";
import { emailIndex } from "@/db/personal-data";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as signRoute } from "@/app/api/v1/petitions/[slug]/signatures/route";
import { rowsOf, setProcessDatabase } from "@/db";
import { listAuditEntries } from "@/db/queries/audit";
import { seed } from "@/db/seed";
import { setUpTestDatabase } from "@/db/test-database";
import { makeWorld } from "@/lib/organizers/test-world";
import { rsvpToRally } from "@/lib/rallies/rsvp-to-rally";
import { makeRally } from "@/lib/rallies/test-rallies";
import { rsvpInputSchema } from "@/lib/validation/rallies";
import { checkPow, newPowChallenge } from "./proof-of-work";

// Issue 13 item 4: ALTCHA proof of work, verified on the server, single use across processes (spent in
// PostgreSQL). A missing or expired one is accepted under the limits (no-JS supporters); a forged or replayed
// one is shadow-banned. The solver is the library's own, as the widget's worker runs it.

process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const database = setUpTestDatabase({ max: 10 });
const db = () => database().db;
const slug = "drop-the-charges";

beforeAll(async () => {
  await seed(db());
  setProcessDatabase(database());
});

const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64");
async function solved() {
  const challenge = await newPowChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution: solution! };
}

describe("checkPow", () => {
  it("accepts a solution once; a replay, on any connection, is refused", async () => {
    const payload = encode(await solved());
    expect(await checkPow(db(), payload)).toBe("valid");
    expect(await checkPow(db(), payload)).toBe("replayed");
    // Ten posts of one fresh solution at once: exactly one is valid.
    const again = encode(await solved());
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => checkPow(db(), again)));
    expect(verdicts.filter((v) => v === "valid")).toHaveLength(1);
    expect(verdicts.filter((v) => v === "replayed")).toHaveLength(9);
  });

  it("tells missing, expired and forged apart", async () => {
    expect(await checkPow(db(), undefined)).toBe("missing");
    expect(await checkPow(db(), "")).toBe("missing");
    const good = await solved();
    expect(await checkPow(db(), encode(good), new Date(Date.now() + 11 * 60_000))).toBe("expired");
    const forgeries = [
      encode({ ...good, solution: { ...good.solution, derivedKey: "00".repeat(32) } }),
      encode({ ...good, challenge: { ...good.challenge, signature: "ab".repeat(32) } }),
      encode({ ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, expiresAt: good.challenge.parameters.expiresAt! + 3600 } } }),
      encode({ ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 1 } } }),
      encode({ challenge: {}, solution: {} }),
      "not base64 at all %%%",
      encode("a string"),
      "A".repeat(5000),
      ["an", "array"],
    ];
    for (const [i, forged] of forgeries.entries()) expect([i, await checkPow(db(), forged)]).toEqual([i, "forged"]);
    // A forgery spends nothing: the real solution still works once.
    expect(await checkPow(db(), encode(good))).toBe("valid");
    // The proof is the derived key (its signature was made with the challenge), not the counter: the same key under
    // another counter is the same spent challenge.
    expect(await checkPow(db(), encode({ ...good, solution: { ...good.solution, counter: good.solution.counter + 1 } }))).toBe("replayed");
  });
});

describe("the sign route with a proof of work", () => {
  async function sign(fields: Record<string, string>) {
    const email = `pow.${randomBytes(4).toString("hex")}@example.org`;
    const body = new URLSearchParams({ name: "Әлия", email, locale: "ru", ...fields });
    const response = await signRoute(
      new Request(`http://localhost/api/v1/petitions/${slug}/signatures`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }),
      { params: Promise.resolve({ slug }) },
    );
    const [row] = rowsOf<{ state: string; queued: boolean }>(
      await db().execute(sql`select s.state, exists (select 1 from email_outbox o where o.kind = 'signature-confirmation' and o.payload->>'signatureId' = s.id::text) as queued
        from signatures s where s.email_index = ${emailIndex(email)}`),
    );
    return { status: response.status, location: response.headers.get("location"), ...row };
  }

  it("counts a valid or missing proof, shadow-bans a forged or replayed one, and answers every one the same", async () => {
    const payload = encode(await solved());
    const valid = await sign({ altcha: payload });
    const replayed = await sign({ altcha: payload });
    const forged = await sign({ altcha: encode({ challenge: { parameters: {} }, solution: { counter: 1, derivedKey: "00" } }) });
    const missing = await sign({});
    expect([valid, replayed, forged, missing].map((r) => [r.status, r.location])).toEqual(Array(4).fill([303, `/ru/petitions/${slug}/signed`]));
    expect([valid, replayed, forged, missing].map((r) => [r.state, r.queued])).toEqual([
      ["pending", true],
      ["fraudulent", false],
      ["fraudulent", false],
      ["pending", true],
    ]);
    const events = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from audit_log where action = 'security.pow_forged'`));
    expect(events[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("does the same for RSVPs", async () => {
    const w = await makeWorld(db());
    const rally = await makeRally(db(), w.campaignA.id, "announced");
    const jobs = { enqueue: async () => Promise.reject(new Error("RSVPs enqueue no jobs")) };
    const states = [];
    for (const pow of ["valid", "forged", "replayed", "missing", "expired"] as const) {
      const email = `rsvp.pow.${pow}.${randomBytes(3).toString("hex")}@example.org`;
      await rsvpToRally({ db: db(), jobs }, rally.slug, rsvpInputSchema.parse({ email, locale: "ru" }), { client: { address: "203.0.113.77", pow } });
      const [row] = rowsOf<{ state: string }>(await db().execute(sql`select state from rsvps where email_index = ${emailIndex(email)}`));
      states.push(row!.state);
    }
    expect(states).toEqual(["pending", "fraudulent", "fraudulent", "pending", "pending"]);
  });

  it("names the target of every security event by its id, never by its slug: the petition's for signing, the rally's for RSVPs", async () => {
    const [petition] = rowsOf<{ id: string }>(await db().execute(sql`select id from petitions where slug = ${slug}`));
    const forgery = encode({ challenge: { parameters: {} }, solution: { counter: 7, derivedKey: "01" } });
    await sign({ altcha: forgery });
    const w = await makeWorld(db());
    const rally = await makeRally(db(), w.campaignA.id, "announced");
    const jobs = { enqueue: async () => Promise.reject(new Error("RSVPs enqueue no jobs")) };
    const email = `rsvp.target.${randomBytes(3).toString("hex")}@example.org`;
    await rsvpToRally({ db: db(), jobs }, rally.slug, rsvpInputSchema.parse({ email, locale: "ru" }), { client: { address: "203.0.113.78", pow: "forged" } });
    const targets = rowsOf<{ action: string; target: string }>(
      await db().execute(sql`select details->>'action' as action, details->>'target' as target from audit_log where action like 'security.%' and entity_type = 'client'`),
    );
    expect(targets.filter((t) => t.action === "sign").map((t) => t.target)).toContain(petition!.id);
    expect(targets.filter((t) => t.action === "rsvp").map((t) => t.target)).toContain(rally.id);
    // No event anywhere names a slug.
    expect(targets.filter((t) => t.target === slug || t.target === rally.slug)).toEqual([]);
    expect(targets.every((t) => /^[0-9a-f-]{36}$/.test(t.target))).toBe(true);
    // The audit page shows the petition a signing event is about, joined by that id.
    const listed = await listAuditEntries(db(), { limit: 100 });
    const shown = listed.find((e) => e.action === "security.pow_forged" && e.details.action === "sign");
    expect(shown?.petitionTitle?.ru).toBeTruthy();
  });
});
