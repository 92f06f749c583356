import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import fc from "fast-check";
import { Webhook } from "svix";
import { createCampaign, createPetitionIn, db } from "../organizer/helpers";
import { createRallyIn } from "../rallies/helpers";
import { expect, test } from "../support/fixtures";
import type { Mailbox } from "../support/mailbox";
import { type Locale, locales } from "../support/site";

// Property-based fuzz of every public form and API, through the real server: whatever a client sends, the answer
// is never a 5xx, a refusal says why (a JSON error code, or a page with a message), and a refused request writes
// nothing. Inputs run in concurrent batches (as clients would); fast-check shrinks a failing batch. Signing and
// RSVPs also get forged and replayed ALTCHA proofs and X-Forwarded-For of every shape (IPv6, IPv4-mapped, lists,
// far too long): a forged proof is shadow-banned, never a 5xx. The subscribe form, the subscription's confirmation,
// preferences and one-click unsubscribe, the "your data" links and their forms, and Resend's webhook get real
// tokens (from a real subscription's email), tampered ones and noise; the webhook gets correctly signed, stale,
// forged, missing and oversized svix headers. Every table a public request can write is counted before and
// after each batch: a batch with no accepted request changes none of them, an accepted one only its own.
//
// Size: FUZZ_RUNS requests in all (default 10,000, shared by the kinds below by weight; README "Tests").

const batch = 25;
/** `locale`: the language the request asked for (a valid `locale` field it sent readably, or its path's), if any. */
type Sent = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; locale?: Locale };
type Answer = { status: number; type: string; body: string; location: string };
const isLocale = (v: unknown): v is Locale => typeof v === "string" && (locales as readonly string[]).includes(v);

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
function encoded(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Pick<Sent, "headers" | "body" | "locale">> {
  return fc.tuple(fields, fc.constantFrom("json", "form", "multipart", "garbage", "wrong-type", "bad-json"), fc.boolean()).map(([f, how, wantsJson]) => {
    const sent = encode(f, how, wantsJson);
    // The server can know the language asked for only from a body it can read: well-formed and under every form cap.
    const size = typeof sent.body === "string" ? Buffer.byteLength(sent.body) : Number.POSITIVE_INFINITY;
    const wellFormed = how === "json" || how === "form" || (how === "multipart" && Object.entries(f).every(([k, v]) => !/["\r\n]/.test(k) && !String(JSON.stringify(v) ?? "").includes("--fuzzboundary")));
    return { ...sent, ...(wellFormed && size <= 8 * 1024 && isLocale(f.locale) ? { locale: f.locale } : {}) };
  });
}

function encode(f: Record<string, unknown>, how: string, wantsJson: boolean): Pick<Sent, "headers" | "body"> {
  {
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
  }
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

// ——— A real subscription's tokens, and what an attacker makes of them ———

/** The links of one real subscription's confirmation email: its confirmation, its preferences (and one-click unsubscribe), its "your data". */
type RealTokens = { confirm: string; manage: string; yourData: string };

/** A real token as sent, or changed the ways an attacker would: a character, cut short, lengthened, case, version, order. */
function tampered(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(real),
    fc.tuple(fc.nat({ max: real.length - 1 }), fc.constantFrom(..."AZaz09-_.")).map(([i, c]) => `${real.slice(0, i)}${c}${real.slice(i + 1)}`),
    fc.nat({ max: real.length }).map((n) => real.slice(0, n)),
    fc.string({ unit: fc.constantFrom(..."Aa0_-."), minLength: 1, maxLength: 8 }).map((more) => `${real}${more}`),
    fc.constant(real.toUpperCase()),
    fc.constant(real.replace(/^v1\./, "v2.")),
    fc.constant(real.split(".").reverse().join(".")),
  );
}
const someToken = (real: string) => fc.oneof({ weight: 3, arbitrary: tampered(real) }, { weight: 1, arbitrary: token });
/** A token as a path segment: as it is when URL-safe, else every byte percent-encoded. */
const inPath = (t: string) => (/^[A-Za-z0-9._-]+$/.test(t) ? t : percentEncoded(t) || "x");
const query = fc.oneof(fc.constant(""), fc.webQueryParameters().map((q) => `?${q}`), fc.constantFrom("?done=1", "?done=language", "?done=deleted", "?error=confirm", "?done=%00"));
const withForwarded = (sent: Sent, xff: string | undefined): Sent => (xff === undefined ? sent : { ...sent, headers: { ...sent.headers, "x-forwarded-for": xff } });

/** Mostly what the page's form sends, sometimes anything: so that many requests are taken too. */
const mostly = <T,>(likely: fc.Arbitrary<T>, other: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: likely }, { weight: 1, arbitrary: other });

function post(path: string, fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Sent> {
  return fc.tuple(fields, extra).chain(([f, more]) => encoded(fc.constant({ ...more, ...f })).map((enc) => ({ method: "POST" as const, path, ...enc })));
}

/** The standalone "get updates" form (profile and petition pages), on the fuzz's campaign or any other slug. */
function subscribeRequests(campaignSlug: string, solved: string[]): fc.Arbitrary<Sent> {
  // Plain addresses often, so that many requests are taken (and their writes checked), not only refused.
  const plain = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9.]{0,14}[a-z0-9]$/), fc.constantFrom("example.org", "mail.kz", "Example.ORG")).map(([user, host]) => `${user}@${host}`);
  const fields = fc.record(
    { email: mostly(plain, email), locale: mostly(fc.constantFrom(...locales), locale), website: fc.oneof(fc.constant(""), text), altcha: fc.oneof(fc.constant(""), proofs(solved)) },
    { requiredKeys: ["email"] },
  );
  const slug = fc.oneof({ weight: 4, arbitrary: fc.constant(campaignSlug) }, { weight: 1, arbitrary: segment });
  return fc.tuple(slug, fc.option(forwardedFor, { nil: undefined })).chain(([s, xff]) => post(`/api/v1/campaigns/${s}/subscribers`, fields).map((sent) => withForwarded(sent, xff)));
}

/** The subscription confirmation landing's button. */
const subscriptionConfirmRequests = (real: RealTokens) => post("/api/v1/confirmations/subscription", fc.record({ token: someToken(real.confirm), locale }, { requiredKeys: [] }));

/** The preferences page's buttons: the language of the emails, leave this list, leave every list. */
const preferencesRequests = (real: RealTokens) =>
  post(
    "/api/v1/subscriptions/manage",
    fc.record(
      { action: mostly(fc.constantFrom("language", "unsubscribe", "unsubscribe_all"), text), token: someToken(real.manage), language: mostly(fc.constantFrom(...locales), locale), locale },
      { requiredKeys: ["action", "token"] },
    ),
  );

/** RFC 8058 one-click unsubscribe (and the page's button, `via=page`), with the right body and every wrong one; its GET too. */
function unsubscribeRequests(real: RealTokens): fc.Arbitrary<Sent> {
  const oneClick = fc.oneof(
    fc.constant<Record<string, unknown>>({ "List-Unsubscribe": "One-Click" }),
    fc.record({ "List-Unsubscribe": fc.oneof(fc.constant("One-Click"), text), via: fc.oneof(fc.constant("page"), text), locale }, { requiredKeys: [] }),
  );
  const postIt = fc.tuple(someToken(real.manage), oneClick, extra, fc.constantFrom("json", "form", "multipart", "garbage", "wrong-type", "bad-json", "raw", "none"), fc.boolean()).map(
    ([t, f, more, how, wantsJson]): Sent => {
      const path = `/api/v1/unsubscribe/${inPath(t)}`;
      if (how === "raw") return { method: "POST", path, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click&List-Unsubscribe=x" };
      if (how === "none") return { method: "POST", path, headers: {} };
      return { method: "POST", path, ...encode({ ...more, ...f }, how, wantsJson) };
    },
  );
  const getIt = fc.tuple(someToken(real.manage), query).map(([t, q]): Sent => ({ method: "GET", path: `/api/v1/unsubscribe/${inPath(t)}${q}`, headers: {} }));
  return fc.oneof({ weight: 3, arbitrary: postIt }, { weight: 1, arbitrary: getIt });
}

/** The "your data" page's forms: withdraw, stop (or resume) all email, download, delete everything. */
const yourDataRequests = (real: RealTokens) =>
  post(
    "/api/v1/your-data",
    fc.record(
      {
        action: mostly(fc.constantFrom("withdraw", "stop_email", "resume_email", "export", "export", "delete"), text),
        token: someToken(real.yourData),
        locale: mostly(fc.constantFrom(...locales), locale),
        signatureId: fc.oneof(fc.uuid(), text),
        confirm: mostly(fc.constant("yes"), text),
      },
      { requiredKeys: ["action", "token"] },
    ),
  );

/** The token pages (opening them changes nothing): preferences, "your data", unsubscribe, the subscription's landing. */
function tokenPageRequests(real: RealTokens): fc.Arbitrary<Sent> {
  const page = fc.oneof(
    someToken(real.manage).map((t) => `subscriptions/${inPath(t)}`),
    someToken(real.manage).map((t) => `unsubscribe/${inPath(t)}`),
    someToken(real.yourData).map((t) => `your-data/${inPath(t)}`),
    someToken(real.confirm).map((t) => `confirmations/subscription/${inPath(t)}`),
    someToken(real.confirm).map((t) => `confirmations/${inPath(t)}/${inPath(t)}`),
  );
  return fc.tuple(fc.constantFrom(...locales), page, query).map(([l, p, q]): Sent => ({ method: "GET", path: `/${l}/${p}${q}`, headers: {}, locale: l }));
}

/** The public figures and feeds: a petition's count as JSON, the updates' Atom feed, the calendars. */
function figureRequests(petitionSlug: string, campaignSlug: string, rallySlug: string): fc.Arbitrary<Sent> {
  const slug = (real: string) => fc.oneof({ weight: 2, arbitrary: fc.constant(real) }, { weight: 1, arbitrary: segment });
  const path = fc.oneof(
    fc.tuple(slug(petitionSlug), fc.webQueryParameters(), fc.oneof(fc.constantFrom(...locales), shortText)).map(([s, q, l]) => `/api/v1/petitions/${s}?locale=${percentEncoded(l)}${q ? `&${q}` : ""}`),
    fc.oneof(fc.constantFrom(...locales), segment).map((l) => `/api/v1/updates/${l}/feed.atom`),
    slug(campaignSlug).map((s) => `/api/v1/campaigns/${s}/rallies.ics`),
    slug(rallySlug).map((s) => `/api/v1/rallies/${s}/calendar.ics`),
    fc.tuple(fc.constantFrom(...locales), slug(petitionSlug), fc.oneof(fc.integer({ min: -5, max: 1e9 }).map(String), shortText.map(percentEncoded))).map(([l, s, n]) => `/${l}/petitions/${s}/signers?page=${n}`),
    fc.tuple(fc.constantFrom(...locales), fc.oneof(fc.uuid(), segment)).map(([l, u]) => `/${l}/updates/${u}`),
  );
  return fc.tuple(path, fc.constantFrom<Record<string, string>>({}, { accept: "application/json" }, { accept: "text/calendar" }, { "if-none-match": '"x"' })).map(([p, headers]): Sent => ({
    method: "GET",
    path: p,
    headers,
    ...(/^\/(ru|kk|en)\//.test(p) ? { locale: p.slice(1, 3) as Locale } : {}),
  }));
}

// ——— Resend's webhook: signed as svix signs, stale, forged, missing, oversized ———

function webhookRequests(secret: string): fc.Arbitrary<Sent> {
  const event = fc.record(
    {
      type: fc.oneof(fc.constantFrom("email.bounced", "email.complained", "email.delivered", "email.opened"), text),
      created_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
      data: fc.record(
        {
          to: fc.oneof(email, fc.array(fc.oneof(fc.emailAddress(), fc.emailAddress().map((e) => `Name <${e}>`), text), { maxLength: 60 }), fc.jsonValue()),
          bounce: fc.oneof(fc.record({ type: fc.oneof(fc.constantFrom("Permanent", "Transient", "soft", "hard"), text) }, { requiredKeys: [] }), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    { weight: 4, arbitrary: event.map((e) => JSON.stringify(e)) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: event.map((e) => JSON.stringify(e).slice(0, -2)) },
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(70_000), JSON.stringify({ type: "email.bounced", data: { to: Array(4000).fill("a@example.org") } })) },
  );
  const hook = new Webhook(secret);
  const header = fc.oneof(text.filter((t) => /^[\x20-\x7e]*$/.test(t)), fc.constantFrom("v1,", "v1,AAAA", "v2,abc", " ", "x".repeat(6000)), hexString(64).map((h) => `v1,${Buffer.from(h).toString("base64")}`));
  const shaped = fc.tuple(body, fc.constantFrom("signed", "stale", "future", "forged", "other-body", "missing", "partial", "oversized"), header, fc.stringMatching(/^msg_[A-Za-z0-9]{1,30}$/), fc.constantFrom("application/json", "text/plain", "", "application/x-www-form-urlencoded"));
  return shaped.map(([b, how, h, id, type]): Sent => {
    const now = new Date();
    const at = how === "stale" ? new Date(now.getTime() - 10 * 60_000) : how === "future" ? new Date(now.getTime() + 10 * 60_000) : now;
    const signed = (payload: string) => ({ "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": hook.sign(id, at, payload) });
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    if (how === "signed" || how === "stale" || how === "future") Object.assign(headers, signed(b));
    if (how === "other-body") Object.assign(headers, signed(`${b} `));
    if (how === "forged") Object.assign(headers, { "svix-id": id, "svix-timestamp": String(Math.floor(now.getTime() / 1000)), "svix-signature": h });
    if (how === "partial") Object.assign(headers, { "svix-id": id, "svix-signature": signed(b)["svix-signature"] });
    // Long, but under Node's 16 KB for all headers (beyond, Node itself answers 431 before the app: see below).
    if (how === "oversized") Object.assign(headers, { "svix-id": h.repeat(2).slice(0, 3000) || "x", "svix-timestamp": "9".repeat(2000), "svix-signature": `v1,${"A".repeat(6000)}` });
    return { method: "POST", path: "/api/v1/webhooks/resend", headers, body: b };
  });
}

async function send(baseURL: string, request: Sent): Promise<Answer> {
  const response = await fetch(`${baseURL}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: "manual", signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
    throw new Error(`${request.method} ${request.path}: ${error.message} (${String((error.cause as Error | undefined)?.message ?? "")})`);
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text(), location: response.headers.get("location") ?? "" };
}

function explained(answer: Answer): boolean {
  if (answer.status < 400) return true;
  if (answer.type.includes("json")) return /"error":"[a-z_]+"/.test(answer.body);
  if (answer.type.includes("html")) return /<h1[\s>]/.test(answer.body);
  // 431: Node's own answer to headers over 16 KB, before any app code (the last test below).
  return answer.body.trim().length > 0 || answer.status === 413 || answer.status === 405 || answer.status === 431;
}

/** A page that refuses says so in the language the request asked for (its path's, or the form's `locale`). */
function inItsLanguage(sent: Sent, answer: Answer, accepted: boolean): boolean {
  // (A request taken may go on in another language: the preferences' "emails in English" shows the page in English.)
  if (!sent.locale || accepted) return true;
  // Sent back to a page (the form's own, or one that explains): a page in that language.
  if (answer.status === 303 && answer.location.startsWith("/") && !answer.location.startsWith("/api/")) return answer.location.startsWith(`/${sent.locale}/`);
  if (answer.status < 400 || !answer.type.includes("html")) return true;
  return new RegExp(`<html[^>]*\\slang="${sent.locale}"`).test(answer.body);
}

/** A failing batch, told briefly (fast-check would print every generated body in full). */
function short(details: fc.RunDetails<[Sent[]]>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`fuzz failed after ${details.numRuns} batches (seed ${details.seed}, path ${details.counterexamplePath}): ${cause.slice(0, 1500)}`);
}

/** Every table a public request can write, counted (the outbox: only the kinds a public request enqueues; the audit log: not the hourly flags). */
const tableKeys = ["signatures", "confirmed", "counted", "named", "rsvps", "attending", "subscribers", "pending", "subscribed", "unsubscribed", "suppressed", "suppressions", "outbox", "audit"] as const;
type Tables = Record<(typeof tableKeys)[number], number>;
async function tables(): Promise<Tables> {
  const [row] = await db()`select
      (select count(*)::int from signatures) as signatures,
      (select count(*)::int from signatures where state = 'confirmed') as confirmed,
      (select coalesce(sum(confirmed), 0)::int from petition_count_shards) as counted,
      (select coalesce(sum(named), 0)::int from petition_count_shards) as named,
      (select count(*)::int from rsvps) as rsvps,
      (select count(*)::int from rsvps where state = 'confirmed') as attending,
      (select count(*)::int from subscribers) as subscribers,
      (select count(*)::int from subscribers where state = 'pending') as pending,
      (select count(*)::int from subscribers where state = 'confirmed') as subscribed,
      (select count(*)::int from subscribers where state = 'unsubscribed') as unsubscribed,
      (select count(*)::int from subscribers where state = 'suppressed') as suppressed,
      (select count(*)::int from email_suppressions) as suppressions,
      (select count(*)::int from email_outbox where kind in ('signature-confirmation', 'signature-already-signed', 'subscription-confirmation')
         or (kind = 'rally-email' and payload->>'kind' = 'confirmation')) as outbox,
      (select count(*)::int from audit_log where action not like 'abuse.%') as audit`;
  return row as unknown as Tables;
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

/** Subscriptions of the campaign with the wrong number of confirmation emails: a pending one has one, a fraudulent one none. */
async function subscriptionsWithoutTheirJob(campaignId: string): Promise<number> {
  const [row] = await db()`select count(*)::int as n from subscribers s
    where s.campaign_id = ${campaignId} and s.state = 'pending'
      and (select count(*) from email_outbox o where o.kind = 'subscription-confirmation' and o.payload->>'subscriberId' = s.id::text) = 0`;
  return (row as { n: number }).n;
}

/** One real subscription on the campaign, made as a person makes it; its email's links are the tokens the fuzz tampers with. */
async function realSubscription(baseURL: string, mailbox: Mailbox, campaignSlug: string): Promise<RealTokens> {
  const address = `fuzz.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const response = await fetch(`${baseURL}/api/v1/campaigns/${campaignSlug}/subscribers`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "x-forwarded-for": "198.51.100.250" },
    body: JSON.stringify({ email: address, locale: "kk" }),
  });
  expect(response.status).toBe(202);
  const mail = await mailbox.waitFor((e) => e.to.includes(address), 60_000);
  const find = (pattern: RegExp) => {
    const found = pattern.exec(mail.text ?? "")?.[1];
    expect(found, `${pattern} in the subscription's email`).toBeTruthy();
    return found!;
  };
  return {
    confirm: find(/\/confirmations\/subscription\/([A-Za-z0-9_-]{43})/),
    manage: find(/\/subscriptions\/([A-Za-z0-9_-]{43})/),
    yourData: find(/\/your-data\/(v1\.[A-Za-z0-9_.-]+)/),
  };
}

type Kind = {
  name: string;
  requests: fc.Arbitrary<Sent>;
  /** Its share of FUZZ_RUNS. */
  weight: number;
  /** Whether an answer says the request was taken (else it must have written nothing). */
  accepted: (answer: Answer) => boolean;
  /** What a batch with accepted requests may change; `bound`: at most this many more rows per accepted request. */
  may: Partial<Record<keyof Tables, { bound?: number }>>;
};

const done = (a: Answer) => a.status === 200 || (a.status === 303 && /[?&]done=/.test(a.location));
const never = () => false;

test("10,000 generated requests to the public forms and APIs: no 5xx, every refusal explained, nothing half-written", async ({ baseURL, mailbox }) => {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  test.setTimeout(300_000 + runs * 200);
  const campaign = await createCampaign();
  const petition = await createPetitionIn(campaign.id);
  const rally = await createRallyIn(campaign.id);
  const solved = await solvedProofs(baseURL!, 3);
  const real = await realSubscription(baseURL!, mailbox, campaign.slug);
  const secret = process.env.E2E_RESEND_WEBHOOK_SECRET;
  if (!secret) throw new Error("E2E_RESEND_WEBHOOK_SECRET is not set (e2e/global-setup.ts)");
  const [{ id: campaignId }] = (await db()`select id from campaigns where slug = ${campaign.slug}`) as unknown as [{ id: string }];
  const signing = { signatures: { bound: 1 }, outbox: { bound: 2 }, audit: { bound: 2 } };
  const kinds: Kind[] = [
    { name: "sign", requests: signRequests(petition.slug), weight: 20, accepted: (a) => a.status === 202 || (a.status === 303 && a.body === ""), may: signing },
    { name: "sign with proofs of work and forwarded addresses", requests: proofSignRequests(petition.slug, solved), weight: 10, accepted: (a) => a.status === 202 || (a.status === 303 && a.body === ""), may: signing },
    { name: "rsvp", requests: rsvpRequests(rally.slug, solved), weight: 10, accepted: (a) => a.status === 202 || a.status === 303, may: { rsvps: { bound: 1 }, outbox: { bound: 1 }, audit: { bound: 2 } } },
    { name: "confirm", requests: confirmRequests, weight: 12, accepted: never, may: {} },
    { name: "GET", requests: getRequests, weight: 6, accepted: never, may: {} },
    {
      name: "subscribe",
      requests: subscribeRequests(campaign.slug, solved),
      weight: 10,
      accepted: (a) => a.status === 202 || (a.status === 303 && a.location.endsWith("/subscribe/check-email")),
      may: { subscribers: { bound: 1 }, pending: { bound: 1 }, outbox: { bound: 1 }, audit: { bound: 2 } },
    },
    {
      name: "subscription confirmation",
      requests: subscriptionConfirmRequests(real),
      weight: 4,
      accepted: (a) => a.status === 200 || (a.status === 303 && a.location.includes("/subscribe/confirmed?status=")),
      may: { pending: {}, subscribed: {} },
    },
    { name: "preferences", requests: preferencesRequests(real), weight: 6, accepted: done, may: { pending: {}, subscribed: {}, unsubscribed: {}, suppressions: { bound: 1 } } },
    {
      name: "one-click unsubscribe",
      requests: unsubscribeRequests(real),
      weight: 6,
      accepted: (a) => a.status === 200 || (a.status === 303 && a.location.includes("?done=1")),
      may: { pending: {}, subscribed: {}, unsubscribed: {} },
    },
    { name: "Resend webhook", requests: webhookRequests(secret), weight: 6, accepted: (a) => a.status === 200, may: { suppressions: { bound: 50 }, pending: {}, subscribed: {}, suppressed: {} } },
    {
      name: "your data",
      requests: yourDataRequests(real),
      weight: 6,
      accepted: done,
      may: { signatures: {}, confirmed: {}, counted: {}, named: {}, rsvps: {}, attending: {}, subscribers: {}, pending: {}, subscribed: {}, unsubscribed: {}, suppressed: {}, suppressions: { bound: 1 }, outbox: {}, audit: { bound: 1 } },
    },
    { name: "token pages", requests: tokenPageRequests(real), weight: 2, accepted: never, may: {} },
    { name: "figures and feeds", requests: figureRequests(petition.slug, campaign.slug, rally.slug), weight: 2, accepted: never, may: {} },
  ];
  const weights = kinds.reduce((sum, k) => sum + k.weight, 0);
  let total = 0;
  const started = Date.now();
  for (const kind of kinds) {
    const batches = Math.max(1, Math.ceil((runs * kind.weight) / weights / batch));
    const kindStarted = Date.now();
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(kind.requests, { minLength: batch, maxLength: batch }), async (sent) => {
        const before = await tables();
        const answers = await Promise.all(sent.map((r) => send(baseURL!, r)));
        for (const [i, answer] of answers.entries()) {
          const body = typeof sent[i]!.body === "string" ? (sent[i]!.body as string).slice(0, 300) : "(bytes)";
          const what = `${kind.name} ${sent[i]!.method} ${sent[i]!.path.slice(0, 300)} [${sent[i]!.headers["content-type"] ?? ""}] ${JSON.stringify(body)} → ${answer.status}`;
          expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
          expect(explained(answer), `${what} without a message: ${answer.body.slice(0, 200)}`).toBe(true);
          expect(inItsLanguage(sent[i]!, answer, kind.accepted(answer)), `${what}: not in ${sent[i]!.locale}: ${answer.body.slice(0, 300)}`).toBe(true);
        }
        const after = await tables();
        const accepted = answers.filter(kind.accepted).length;
        taken += accepted;
        for (const key of tableKeys) {
          const allowed = accepted > 0 ? kind.may[key] : undefined;
          if (!allowed) expect(after[key], `${kind.name}: ${key} moved with ${accepted} of ${batch} requests accepted`).toBe(before[key]);
          else if (allowed.bound !== undefined) expect(after[key] - before[key], `${kind.name}: ${key}`).toBeLessThanOrEqual(allowed.bound * accepted);
        }
        // Nothing here confirms a signature or an RSVP: those counts never move.
        if (kind.name !== "your data") {
          expect(after.counted).toBe(before.counted);
          expect(after.attending).toBe(before.attending);
        }
      }),
      { numRuns: batches, endOnFailure: true, reporter: short },
    );
    total += batches * batch;
    console.log(`[fuzz] ${kind.name}: ${batches * batch} requests (${taken} taken) in ${((Date.now() - kindStarted) / 1000).toFixed(1)} s`);
    // Every row the fuzz made came with its email job: none was written half.
    if (kind.name.startsWith("sign")) expect(await signaturesWithoutTheirJob(petition.id)).toBe(0);
    if (kind.name === "rsvp") expect(await rsvpsWithoutTheirJob(rally.slug)).toBe(0);
    if (kind.name === "subscribe") expect(await subscriptionsWithoutTheirJob(campaignId)).toBe(0);
  }
  console.log(`[fuzz] ${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(total).toBeGreaterThanOrEqual(runs);
});

test("an address longer than any page's is refused with 431, not a 5xx", async ({ baseURL }) => {
  const response = await fetch(`${baseURL}/ru/${"%78".repeat(8_000)}`);
  expect(response.status).toBe(431);
});
