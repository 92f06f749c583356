import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import fc from "fast-check";
import { createCampaign, createPetitionIn, db } from "../organizer/helpers";
import { createRallyIn } from "../rallies/helpers";
import { expect, test } from "../support/fixtures";
import { locales } from "../support/site";

// Property-based fuzz of every public form and API, through the real server: whatever a client sends, the answer
// is never a 5xx, a refusal says why (a JSON error code, or a page with a message), and a refused request writes
// nothing. Inputs run in concurrent batches (as clients would); fast-check shrinks a failing batch. Signing and
// RSVPs also get forged and replayed ALTCHA proofs and X-Forwarded-For of every shape (IPv6, IPv4-mapped, lists,
// far too long): a forged proof is shadow-banned, never a 5xx.

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

const hexString = (max: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), maxLength: max });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");
/** ALTCHA payloads an attacker might post: noise, wrong shapes, well-shaped forgeries, and real solutions replayed. */
function proofs(solved: string[]): fc.Arbitrary<string> {
  const forged = fc
    .record({ nonce: hexString(64), salt: hexString(64), signature: hexString(64), key: hexString(64), counter: fc.integer({ min: -5, max: 1e7 }), expiresAt: fc.integer() })
    .map((f) =>
      b64({
        challenge: { parameters: { algorithm: "PBKDF2/SHA-256", nonce: f.nonce, salt: f.salt, cost: 500, keyLength: 32, keyPrefix: "00", expiresAt: f.expiresAt }, signature: f.signature },
        solution: { counter: f.counter, derivedKey: f.key },
      }),
    );
  return fc.oneof(text, fc.base64String({ maxLength: 600 }), fc.jsonValue().map(b64), forged, fc.constantFrom(...solved), fc.constant(b64({ challenge: null, solution: null, test: true })));
}

/** X-Forwarded-For as a client may send it (the e2e server trusts 127.0.0.1 as its proxy): IPv4, IPv6, IPv4-mapped, lists, junk, far too long. */
const forwardedFor = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4().map((v4) => `::ffff:${v4}`),
  fc.ipV6().map((v6) => `[${v6}]:443`),
  fc.array(fc.oneof(fc.ipV4(), fc.ipV6()), { minLength: 2, maxLength: 200 }).map((list) => list.join(", ")),
  fc.constantFrom("", "unknown", "::ffff:999.1.1.1", "1.2.3.4.5", "fe80::1%eth0", `${"9".repeat(4000)}`, `${"1.1.1.1,".repeat(1000)}1.1.1.1`),
  text.filter((t) => /^[\x20-\x7e]*$/.test(t)),
);

function proofSignRequests(slug: string, solved: string[]): fc.Arbitrary<Sent> {
  const fields = fc.record({ name: fc.constantFrom("Әлия", "Supporter"), email: fc.emailAddress(), locale, altcha: proofs(solved) }, { requiredKeys: ["email", "altcha"] });
  return fc.tuple(fields, forwardedFor).chain(([f, xff]) =>
    encoded(fc.constant(f)).map((enc) => ({ method: "POST" as const, path: `/api/v1/petitions/${slug}/signatures`, ...enc, headers: { ...enc.headers, "x-forwarded-for": xff } })),
  );
}

function rsvpRequests(slug: string, solved: string[]): fc.Arbitrary<Sent> {
  const fields = fc.record({ email, name: text, updates: checkbox, locale, website: fc.oneof(fc.constant(""), text), altcha: fc.oneof(fc.constant(""), proofs(solved)) }, { requiredKeys: [] });
  return fc.tuple(fields, extra, fc.option(forwardedFor, { nil: undefined })).chain(([f, more, xff]) =>
    encoded(fc.constant({ ...more, ...f })).map((enc) => ({
      method: "POST" as const,
      path: `/api/v1/rallies/${slug}/rsvps`,
      ...enc,
      headers: { ...enc.headers, ...(xff === undefined ? {} : { "x-forwarded-for": xff }) },
    })),
  );
}

/** A few real solutions, solved here as the widget's worker would: each is valid once, then a replay. */
async function solvedProofs(baseURL: string, n: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const challenge = await (await fetch(`${baseURL}/api/v1/pow/challenge`)).json();
      const solution = await solveChallenge({ challenge, deriveKey });
      return b64({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution });
    }),
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

async function counts(petitionId: string, rallySlug: string) {
  const [row] = await db()`select
      (select count(*)::int from signatures where petition_id = ${petitionId}) as signatures,
      (select coalesce(sum(confirmed), 0)::int from petition_count_shards where petition_id = ${petitionId}) as counted,
      (select count(*)::int from rsvps r join rallies y on y.id = r.rally_id where y.slug = ${rallySlug}) as rsvps,
      (select count(*)::int from rsvps r join rallies y on y.id = r.rally_id where y.slug = ${rallySlug} and r.state = 'confirmed') as attending`;
  return row as { signatures: number; counted: number; rsvps: number; attending: number };
}

/** RSVPs of the rally with the wrong number of confirmation emails: a pending one has one, a fraudulent one none. */
async function rsvpsWithoutTheirJob(rallySlug: string): Promise<number> {
  const [row] = await db()`select count(*)::int as n from rsvps r join rallies y on y.id = r.rally_id
    where y.slug = ${rallySlug}
      and (select count(*) from email_outbox o where o.kind = 'rally-email' and o.payload->>'rsvpId' = r.id::text)
        <> case r.state when 'pending' then 1 else 0 end`;
  return (row as { n: number }).n;
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
  const rally = await createRallyIn(campaign.id);
  const solved = await solvedProofs(baseURL!, 3);
  const kinds: Array<[string, fc.Arbitrary<Sent>, number]> = [
    ["sign", signRequests(petition.slug), Number(process.env.FUZZ_SIGN ?? 3_000)],
    ["sign with proofs of work and forwarded addresses", proofSignRequests(petition.slug, solved), Number(process.env.FUZZ_POW ?? 1_500)],
    ["rsvp", rsvpRequests(rally.slug, solved), Number(process.env.FUZZ_RSVP ?? 1_500)],
    ["confirm", confirmRequests, Number(process.env.FUZZ_CONFIRM ?? 3_000)],
    ["GET", getRequests, Number(process.env.FUZZ_GET ?? 1_000)],
  ];
  for (const [name, requests, total] of kinds) {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(requests, { minLength: batch, maxLength: batch }), async (sent) => {
        const before = await counts(petition.id, rally.slug);
        const answers = await Promise.all(sent.map((r) => send(baseURL!, r)));
        for (const [i, answer] of answers.entries()) {
          expect(answer.status, `${name} ${sent[i]!.method} ${sent[i]!.path}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
          expect(explained(answer), `${name} ${sent[i]!.method} ${sent[i]!.path} ${answer.status} without a message: ${answer.body.slice(0, 200)}`).toBe(true);
        }
        const after = await counts(petition.id, rally.slug);
        const accepted = answers.filter((a) => a.status === 202 || (a.status === 303 && a.body === "")).length;
        // Only accepted requests made signatures (or RSVPs).
        expect(after.signatures - before.signatures).toBeLessThanOrEqual(name.startsWith("sign") ? accepted : 0);
        expect(after.rsvps - before.rsvps).toBeLessThanOrEqual(name === "rsvp" ? accepted : 0);
        // Nothing here confirms: the counts never move.
        expect(after.counted).toBe(before.counted);
        expect(after.attending).toBe(before.attending);
      }),
      { numRuns: total / batch, endOnFailure: true, reporter: short },
    );
    console.log(`[fuzz] ${name}: ${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Every signature the fuzz made came with its email job: none was written half.
    if (name.startsWith("sign")) expect(await signaturesWithoutTheirJob(petition.id)).toBe(0);
    if (name === "rsvp") expect(await rsvpsWithoutTheirJob(rally.slug)).toBe(0);
  }
});

test("an address longer than any page's is refused with 431, not a 5xx", async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/ru/${"%78".repeat(8_000)}`);
  expect(response.status).toBe(431);
});
