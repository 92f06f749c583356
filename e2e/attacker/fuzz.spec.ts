import fc from "fast-check";
import { createCampaign, createPetitionIn, db } from "../organizer/helpers";
import { expect, test } from "../support/fixtures";
import { locales } from "../support/site";

// Property-based fuzz of every public form and API, through the real server: whatever a client sends, the answer
// is never a 5xx, a refusal says why (a JSON error code, or a page with a message), and a refused request writes
// nothing. Inputs run in concurrent batches (as clients would); fast-check shrinks a failing batch.

const batch = 25;
type Sent = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
type Answer = { status: number; type: string; body: string };

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom("", " ", "A \ud800", "\u202eabc", "a\u200bb", "=1+1", "<script>alert(1)</script>", "x".repeat(5000), "%00", "../../etc/passwd", "null", "[]", "{}"),
);
const email = fc.oneof(fc.emailAddress(), text);
const locale = fc.oneof(fc.constantFrom(...locales), text);
const checkbox = fc.oneof(fc.constantFrom("on", "true", "1", "", "off"), text, fc.boolean());
const token = fc.oneof(fc.base64String({ minLength: 0, maxLength: 64 }), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), text);

/** A form as a client might encode it: JSON, urlencoded, multipart, or something else entirely. */
function encoded(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Pick<Sent, "headers" | "body">> {
  return fc.tuple(fields, fc.constantFrom("json", "form", "multipart", "garbage", "wrong-type", "bad-json"), fc.boolean()).map(([f, how, wantsJson]): Pick<Sent, "headers" | "body"> => {
    const accept: Record<string, string> = wantsJson ? { accept: "application/json" } : {};
    if (how === "json") return { headers: { "content-type": "application/json", ...accept }, body: JSON.stringify(f) };
    if (how === "bad-json") return { headers: { "content-type": "application/json", ...accept }, body: JSON.stringify(f).slice(0, -1) };
    const flat = Object.entries(f).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""] as [string, string]);
    if (how === "form") return { headers: { "content-type": "application/x-www-form-urlencoded", ...accept }, body: new URLSearchParams(flat).toString() };
    if (how === "multipart") {
      const boundary = "fuzzboundary";
      const parts = flat.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("");
      return { headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...accept }, body: `${parts}--${boundary}--\r\n` };
    }
    if (how === "wrong-type") return { headers: { "content-type": "text/plain", ...accept }, body: JSON.stringify(f) };
    return { headers: { "content-type": "application/x-www-form-urlencoded", ...accept }, body: new Uint8Array([0xed, 0xa0, 0x80, 0xff, 0x00, 0x3d]) };
  });
}

const extra = fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 3 });

function signRequests(slug: string): fc.Arbitrary<Sent> {
  const fields = fc.record({ name: text, email, updates: checkbox, public: checkbox, locale, website: fc.oneof(fc.constant(""), text) }, { requiredKeys: [] });
  return fc.tuple(fields, extra).chain(([f, more]) =>
    encoded(fc.constant({ ...more, ...f })).map((enc) => ({ method: "POST" as const, path: `/api/v1/petitions/${slug}/signatures`, ...enc })),
  );
}

const confirmRequests: fc.Arbitrary<Sent> = fc
  .tuple(fc.record({ token, locale }, { requiredKeys: [] }), extra)
  .chain(([f, more]) => encoded(fc.constant({ ...more, ...f })).map((enc) => ({ method: "POST" as const, path: "/api/v1/signatures/confirm", ...enc })));

/** Every byte percent-encoded (encodeURIComponent throws on a lone surrogate; a client can still send its bytes). */
const percentEncoded = (s: string) => [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
// Paths stay under Node's 16 KB header limit (a longer one is answered 431 and the socket closed: see below).
const shortText = text.filter((t) => t.length <= 200);
const segment = fc.oneof(fc.constantFrom("petitions", "profile", "confirm", "sign-in", "verify", "dashboard", "dev", "mailbox", "thanks", "signed"), fc.webSegment(), shortText.map(percentEncoded));
const getRequests: fc.Arbitrary<Sent> = fc
  .tuple(fc.oneof(fc.constantFrom("/ru", "/kk", "/en", "/api/v1/petitions", "/api/v1/signatures"), shortText.map((l) => `/${percentEncoded(l)}`)), fc.array(segment, { maxLength: 4 }), fc.webQueryParameters())
  .map(([base, parts, query]) => ({ method: "GET" as const, path: `${base}/${parts.join("/")}${query ? `?${query}` : ""}`, headers: {} }));

async function send(baseURL: string, request: Sent): Promise<Answer> {
  const response = await fetch(`${baseURL}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: "manual", signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
    throw new Error(`${request.method} ${request.path}: ${error.message} (${String((error.cause as Error | undefined)?.message ?? "")})`);
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

function explained(answer: Answer): boolean {
  if (answer.status < 400) return true;
  if (answer.type.includes("json")) return /"error":"[a-z_]+"/.test(answer.body);
  if (answer.type.includes("html")) return /<h1[\s>]/.test(answer.body);
  return answer.body.trim().length > 0 || answer.status === 413 || answer.status === 405;
}

/** A failing batch, told briefly (fast-check would print every generated body in full). */
function short(details: fc.RunDetails<[Sent[]]>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`fuzz failed after ${details.numRuns} batches (seed ${details.seed}, path ${details.counterexamplePath}): ${cause.slice(0, 1500)}`);
}

async function counts(petitionId: string) {
  const [row] = await db()`select
      (select count(*)::int from signatures where petition_id = ${petitionId}) as signatures,
      (select coalesce(sum(confirmed), 0)::int from petition_count_shards where petition_id = ${petitionId}) as counted`;
  return row as { signatures: number; counted: number };
}

/**
 * Signatures of the petition with the wrong number of confirmation emails in the mail outbox: a pending one has
 * exactly one, one kept as fraudulent (the client went over its limits) none. None may be wrong (checked once).
 */
async function signaturesWithoutTheirJob(petitionId: string): Promise<number> {
  const [row] = await db()`select count(*)::int as n from signatures s
    where s.petition_id = ${petitionId}
      and (select count(*) from email_outbox o where o.kind = 'signature-confirmation' and o.payload->>'signatureId' = s.id::text)
        <> case s.state when 'pending' then 1 else 0 end`;
  return (row as { n: number }).n;
}

test("10,000 generated requests to the public forms and APIs: no 5xx, every refusal explained, nothing half-written", async ({ baseURL }) => {
  test.setTimeout(900_000);
  const campaign = await createCampaign();
  const petition = await createPetitionIn(campaign.id);
  const kinds: Array<[string, fc.Arbitrary<Sent>, number]> = [
    ["sign", signRequests(petition.slug), Number(process.env.FUZZ_SIGN ?? 4_500)],
    ["confirm", confirmRequests, Number(process.env.FUZZ_CONFIRM ?? 4_500)],
    ["GET", getRequests, Number(process.env.FUZZ_GET ?? 1_000)],
  ];
  for (const [name, requests, total] of kinds) {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(requests, { minLength: batch, maxLength: batch }), async (sent) => {
        const before = await counts(petition.id);
        const answers = await Promise.all(sent.map((r) => send(baseURL!, r)));
        for (const [i, answer] of answers.entries()) {
          expect(answer.status, `${name} ${sent[i]!.method} ${sent[i]!.path}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
          expect(explained(answer), `${name} ${sent[i]!.method} ${sent[i]!.path} ${answer.status} without a message: ${answer.body.slice(0, 200)}`).toBe(true);
        }
        const after = await counts(petition.id);
        const accepted = answers.filter((a) => a.status === 202 || (a.status === 303 && a.body === "")).length;
        // Only accepted requests made signatures.
        expect(after.signatures - before.signatures).toBeLessThanOrEqual(name === "sign" ? accepted : 0);
        // Nothing here confirms: the count never moves.
        expect(after.counted).toBe(before.counted);
      }),
      { numRuns: total / batch, endOnFailure: true, reporter: short },
    );
    console.log(`[fuzz] ${name}: ${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Every signature the fuzz made came with its email job: none was written half.
    if (name === "sign") expect(await signaturesWithoutTheirJob(petition.id)).toBe(0);
  }
});

test("an address longer than any page's is refused with 431, not a 5xx", async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/ru/${"%78".repeat(8_000)}`);
  expect(response.status).toBe(431);
});
