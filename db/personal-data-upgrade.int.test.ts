import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, migrationsFolder, rowsOf } from "./index";
import { emailIndex, open } from "./personal-data";
import { sealLegacyPersonalData } from "./seal-legacy";
import { adminQuery, testDriver, testServerUrl, withDatabase } from "./testing";

/**
 * The upgrade of a database from before encryption at rest: data written under migrations 0000–0016 (addresses and
 * names in clear, the suppression list keyed by the address), then 0017, then the start-up step that seals them.
 * Nothing may be lost, nothing may stay in clear, and the blind index must dedupe as the plaintext did.
 */
const files = readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql")).sort();
const before = files.filter((f) => f < "0017");
const upgrade = files.find((f) => f.startsWith("0017"))!;

let close: (() => Promise<void>) | undefined;
afterAll(async () => {
  await close?.();
});

/** A bare database (no migrations applied), on the driver the suite runs on. */
async function bareDatabase(): Promise<Db> {
  if (testDriver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite();
    close = () => client.close();
    return drizzle(client) as unknown as Db;
  }
  const name = `qoldau_upgrade_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`create database "${name}"`);
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(withDatabase(testServerUrl, name), { max: 2, onnotice: () => {} });
  close = async () => {
    await client.end({ timeout: 5 });
    await adminQuery(`drop database if exists "${name}" with (force)`);
  };
  return drizzle(client) as unknown as Db;
}

async function apply(db: Db, file: string) {
  for (const statement of readFileSync(path.join(migrationsFolder, file), "utf8").split("--> statement-breakpoint")) {
    if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

describe(`upgrading a database with supporters in clear (${testDriver})`, () => {
  it("keeps every row, seals it, empties the plaintext, and dedupes on the index as before", async () => {
    const db = await bareDatabase();
    for (const f of before) await apply(db, f);
    await db.execute(sql`insert into campaigns (slug, state, name, tagline) values ('c', 'published', '{"ru":"C","kk":"C","en":"C"}', '{"ru":"","kk":"","en":""}')`);
    await db.execute(sql`insert into petitions (campaign_id, slug, state, target, title, summary, body, goal, published_at)
      select id, 'p', 'published', '{"ru":"T","kk":"T","en":"T"}', '{"ru":"T","kk":"T","en":"T"}', '{"ru":"","kk":"","en":""}',
        '{"ru":"","kk":"","en":""}', 100, now() from campaigns`);
    for (let i = 0; i < 12; i++) {
      await db.execute(sql`insert into signatures (petition_id, email_normalized, name, locale, state, token_nonce, token_hash, token_expires_at, confirmed_at)
        select id, ${`old.${i}@example.org`}, ${`Әлия ${i}`}, 'ru', ${i % 3 ? "confirmed" : "pending"}, ${`n${i}`}, ${`h${i}`}, now() + interval '1 day', now() from petitions`);
    }
    await db.execute(sql`insert into signatures (petition_id, email_normalized, name, locale, state, token_nonce, token_hash, token_expires_at, confirmed_at)
      select p.id, 'erased:' || gen_random_uuid()::text, '', 'ru', 'confirmed', 'ne', 'he', now(), now() from petitions p`);
    await db.execute(sql`insert into subscribers (campaign_id, email_normalized, locale, state, source, consent_wording_version, token_nonce, confirm_token_hash, manage_token_hash, token_expires_at)
      select id, 'old.1@example.org', 'kk', 'confirmed', 'sign_form', 'v1', 'sn', 'sc', 'sm', now() from campaigns`);
    await db.execute(sql`insert into email_suppressions (email_normalized, reason) values ('old.2@example.org', 'bounce')`);

    await apply(db, upgrade);
    expect(await sealLegacyPersonalData(db, 5)).toBe(15);

    const clear = rowsOf<{ row: string }>(
      await db.execute(sql`select t::text as row from signatures t union all select t::text from subscribers t union all select t::text from email_suppressions t`),
    ).map((r) => r.row).join("\n");
    expect(clear).not.toMatch(/old\.\d+@/); // only the signatures' domain stays in clear (README: a trade-off)
    expect(clear).not.toContain("Әлия");
    const signers = rowsOf<{ email_index: string; email_sealed: string; name_sealed: string; email_domain: string | null; state: string }>(
      await db.execute(sql`select email_index, email_sealed, name_sealed, email_domain, state from signatures order by token_hash`),
    );
    expect(signers).toHaveLength(13);
    const byIndex = new Map(signers.map((s) => [s.email_index, s]));
    for (let i = 0; i < 12; i++) {
      const s = byIndex.get(emailIndex(`old.${i}@example.org`))!;
      expect([open("signatures.email", s.email_sealed), open("signatures.name", s.name_sealed), s.email_domain]).toEqual([`old.${i}@example.org`, `Әлия ${i}`, "example.org"]);
    }
    expect(signers.filter((s) => s.email_index.startsWith("erased:"))).toHaveLength(1);
    // The unique index holds on the blind index: the same address cannot sign the petition again.
    await expect(
      db.execute(sql`insert into signatures (petition_id, email_index, email_sealed, name_sealed, locale, token_nonce, token_hash, token_expires_at)
        select id, ${emailIndex("old.3@example.org")}, 'x', 'y', 'ru', 'nx', 'hx', now() from petitions`),
    ).rejects.toThrow();
    const [sub] = rowsOf<{ email_index: string; email_sealed: string }>(await db.execute(sql`select email_index, email_sealed from subscribers`));
    expect(sub!.email_index).toBe(emailIndex("old.1@example.org"));
    expect(open("subscribers.email", sub!.email_sealed)).toBe("old.1@example.org");
    const [suppressed] = rowsOf<{ email_index: string; reason: string }>(await db.execute(sql`select email_index, reason from email_suppressions`));
    expect(suppressed).toEqual({ email_index: emailIndex("old.2@example.org"), reason: "bounce" });
  });
});
