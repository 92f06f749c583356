import { sql } from "drizzle-orm";
import { sealedSigner } from "@/db/personal-data";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { signatures } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makeWorld, type World } from "@/lib/organizers/test-world";
import { buildDeliveryPack } from "./build-delivery-pack";
import { deliveryPackCsv, deliveryPackPdf } from "./delivery-pack-files";

const database = setUpTestDatabase();
const db = () => database().db;

type Signer = { name: string; email: string; state: "pending" | "confirmed"; delivery: boolean; publicName: boolean };

async function sign(petitionId: string, s: Signer, i: number) {
  await db()
    .insert(signatures)
    .values({
      petitionId,
      ...sealedSigner(s.email, s.name),
      locale: "kk",
      state: s.state,
      showNamePublicly: s.publicName,
      consentDelivery: s.delivery,
      consentDeliveryAt: s.delivery ? new Date() : null,
      consentDeliveryWordingVersion: s.delivery ? "delivery-test" : null,
      tokenNonce: `nonce-${s.email}`,
      tokenHash: `hash-${s.email}-${Math.random()}`,
      tokenExpiresAt: new Date(Date.now() + 86_400_000),
      confirmedAt: s.state === "confirmed" ? new Date(Date.parse("2026-11-20T10:00:00Z") + i * 60_000) : null,
    });
}

const signers: Signer[] = [
  { name: "Әлия Нұрланқызы", email: "aliya@example.org", state: "confirmed", delivery: true, publicName: false },
  { name: "Ұлан Қайратұлы", email: "ulan@example.org", state: "confirmed", delivery: true, publicName: true },
  { name: "Ғалым Өтеғұлов", email: "galym@example.org", state: "confirmed", delivery: true, publicName: false },
  { name: "Һәдия Іңкәрова", email: "hadiya@example.org", state: "confirmed", delivery: true, publicName: false },
  // Shown publicly, but never agreed to be named to the target.
  { name: "Публичная Нетарget", email: "public-only@example.org", state: "confirmed", delivery: false, publicName: true },
  { name: "Тихий Подписант", email: "quiet@example.org", state: "confirmed", delivery: false, publicName: false },
  // Agreed, but never confirmed.
  { name: "Неподтверждённый Человек", email: "pending@example.org", state: "pending", delivery: true, publicName: true },
];
const consenting = signers.filter((s) => s.state === "confirmed" && s.delivery).map((s) => s.name);

async function world(): Promise<World> {
  const w = await makeWorld(db());
  for (const [i, s] of signers.entries()) await sign(w.closed.id, { ...s, email: `${w.tag}.${s.email}` }, i);
  return w;
}

async function bytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The PDF's text, line by line, as a reader (or a screen reader) gets it: parsed by PDF.js. */
async function pdfLines(data: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    let line = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line.trim());
        line = "";
      }
    }
    if (line.trim()) lines.push(line.trim());
  }
  await pdf.destroy();
  return lines.filter(Boolean);
}

describe("delivery pack", () => {
  it("as PDF: the petition's text, the count, and exactly the names of confirmed signers who agreed to be named — no address", async () => {
    const w = await world();
    const pack = await buildDeliveryPack(db(), w.organizer, { petitionId: w.closed.id, locale: "kk", format: "pdf" });
    const data = await bytes(deliveryPackPdf(pack, "http://qoldau.test"));
    expect(Buffer.from(data.subarray(0, 5)).toString()).toBe("%PDF-");
    const lines = await pdfLines(data);
    const text = lines.join("\n");
    expect(text).toContain(w.closed.title.kk);
    expect(text).toContain(w.closed.body.kk);
    expect(text).toContain("6 адам"); // six confirmed signatures, named or not
    const named = lines.filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ""));
    expect(named).toEqual(consenting);
    for (const s of signers.filter((x) => !(x.state === "confirmed" && x.delivery))) expect(text).not.toContain(s.name);
    expect(text).not.toContain("@");
    expect(text).not.toContain("example.org");
  });

  it("as CSV: the same names, the count, the text, in the language asked for", async () => {
    const w = await world();
    const pack = await buildDeliveryPack(db(), w.organizer, { petitionId: w.closed.id, locale: "en", format: "csv" });
    let csv = "";
    for await (const line of deliveryPackCsv(pack, "http://qoldau.test")) csv += line;
    const rows = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(rows.slice(0, 2)).toEqual([`"Petition","${w.closed.title.en}"`, `"Addressee","${w.closed.target.en}"`]);
    expect(rows).toContain('"Confirmed signatures","6"');
    expect(rows).toContain('"Named with their consent","4"');
    const names = rows.slice(rows.indexOf('"Name"') + 1).filter(Boolean).map((r) => r.slice(1, -1));
    expect(names).toEqual(consenting);
    expect(csv).not.toContain("@");
  });

  it("is the campaign's organizers' and admins' only, and every download is in the audit log", async () => {
    const w = await world();
    await expect(buildDeliveryPack(db(), w.other, { petitionId: w.closed.id, locale: "ru", format: "pdf" })).rejects.toSatisfy((e) => isAppError(e, "not_found"));
    await buildDeliveryPack(db(), w.organizer, { petitionId: w.closed.id, locale: "ru", format: "pdf" });
    await buildDeliveryPack(db(), w.admin, { petitionId: w.closed.id, locale: "en", format: "csv" });
    const rows = rowsOf<{ actor_id: string; details: { format: string; locale: string } }>(
      await db().execute(sql`select actor_id, details from audit_log where action = 'signatures.delivery_pack' and entity_id = ${w.closed.id} order by at`),
    );
    expect(rows.map((r) => [r.actor_id, r.details.format, r.details.locale])).toEqual([
      [w.organizer.userId, "pdf", "ru"],
      [w.admin.userId, "csv", "en"],
    ]);
  });
});
