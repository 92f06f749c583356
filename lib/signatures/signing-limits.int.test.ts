import { beforeAll, describe, expect, it } from "vitest";
import { emailIndex } from "@/db/personal-data";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { setUpTestDatabase } from "@/db/test-database";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { seed } from "@/db/seed";
import { signInputSchema } from "@/lib/validation/signatures";
import { signPetition } from "./sign-petition";

// Issue 13 item 2: per client (address hash) per petition, a burst and an hourly limit; over it the signature is
// kept as `fraudulent`, the signer gets the same answer, no email is queued, and the count never moves.

const database = setUpTestDatabase({ max: 10 });
const slug = "drop-the-charges";
const burst = 3;
const hourly = 5;

beforeAll(async () => {
  Object.assign(process.env, { SIGN_LIMIT_BURST: String(burst), SIGN_LIMIT_HOURLY: String(hourly), AUTH_SECRET: "test-secret-test-secret-test-secret-0123" });
  await seed(database().db);
});

const signer = (tag: string) => signInputSchema.parse({ name: "Әлия", email: `${tag}@example.org`, locale: "ru" });
const client = () => `client-${Math.random().toString(36).slice(2)}`;
const sign = (from: string | null, tag: string) => signPetition({ db: database().db, client: from }, slug, signer(tag));

/** Each signature of these addresses: its state and whether a confirmation email is queued for it. */
async function outcomes(tags: string[]) {
  const rows = rowsOf<{ email: string; state: string; queued: boolean }>(
    await database().db.execute(sql`
      select s.email_index as email, s.state,
             exists (select 1 from email_outbox o where o.kind = 'signature-confirmation' and o.payload->>'signatureId' = s.id::text) as queued
      from signatures s where s.email_index in (${sql.join(tags.map((t) => sql`${emailIndex(`${t}@example.org`)}`), sql`, `)})`),
  );
  return tags.map((t) => rows.find((r) => r.email === emailIndex(`${t}@example.org`)));
}
const count = async () => (await findVisiblePetitionBySlug(database().db, slug))!.count;

describe("signing limits per client", () => {
  it("takes exactly the burst limit from one client; the rest are kept as fraudulent, unanswered by email, with the same reply", async () => {
    const from = client();
    const tags = Array.from({ length: burst + 2 }, (_, i) => `burst.${from}.${i}`);
    const before = await count();
    for (const tag of tags) await expect(sign(from, tag)).resolves.toEqual({ outcome: "check_email" });
    const seen = await outcomes(tags);
    expect(seen.map((s) => s?.state)).toEqual([...Array(burst).fill("pending"), "fraudulent", "fraudulent"]);
    expect(seen.map((s) => s?.queued)).toEqual([...Array(burst).fill(true), false, false]);
    // Another client, and a signer whose address is unknown to us, are not affected.
    const other = `burst.other.${from}`;
    await sign(client(), other);
    expect((await outcomes([other]))[0]).toMatchObject({ state: "pending", queued: true });
    // Signing again from a shadow-banned address: the same answer, still nothing sent.
    await expect(sign(client(), tags[burst + 1]!)).resolves.toEqual({ outcome: "check_email" });
    expect((await outcomes([tags[burst + 1]!]))[0]).toMatchObject({ state: "fraudulent", queued: false });
    expect(await count()).toBe(before);
  });

  it("holds exactly under concurrency: 40 signatures at once from one client, 3 get an email", async () => {
    const from = client();
    const tags = Array.from({ length: 40 }, (_, i) => `crowd.${from}.${i}`);
    await Promise.all(tags.map((tag) => sign(from, tag)));
    const seen = await outcomes(tags);
    expect(seen.filter((s) => s?.state === "pending" && s.queued)).toHaveLength(burst);
    expect(seen.filter((s) => s?.state === "fraudulent" && !s.queued)).toHaveLength(40 - burst);
    // However the batches fell, each window's trip (40 > burst, 40 > hourly) is one security event, by address-hash only.
    const trips = rowsOf<{ details: Record<string, string> }>(
      await database().db.execute(sql`select details from audit_log where action = 'security.limit_trip' and entity_id = ${from}`),
    );
    expect(trips.map((t) => t.details.window).sort()).toEqual(["hour", "minute"]);
    expect(trips[0]!.details.action).toBe("sign");
  });

  it("trips the hourly limit at exactly its threshold", async () => {
    const from = client();
    const [petition] = rowsOf<{ id: string }>(await database().db.execute(sql`select id from petitions where slug = ${slug}`));
    // This client already made hourly − 1 attempts earlier this hour (none in this minute).
    await database().db.execute(sql`
      insert into rate_limit_counters (bucket, key, window_start, hits)
      values ('sign:hour', ${`${petition!.id}:${from}`}, date_trunc('hour', now()), ${hourly - 1})`);
    const tags = [`hour.${from}.a`, `hour.${from}.b`];
    for (const tag of tags) await sign(from, tag);
    expect((await outcomes(tags)).map((s) => s?.state)).toEqual(["pending", "fraudulent"]);
  });

  it("applies no limit when the client is unknown", async () => {
    const tags = Array.from({ length: burst + 1 }, (_, i) => `unknown.${client()}.${i}`);
    for (const tag of tags) await sign(null, tag);
    expect((await outcomes(tags)).every((s) => s?.state === "pending" && s.queued)).toBe(true);
  });
});
