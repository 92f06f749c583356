import { type EmbeddedServer, startSiblingServer } from "../support/embedded-server";
import { expect, test } from "../support/fixtures";
import type { Mailbox } from "../support/mailbox";
import { petitionSlug } from "../support/site";

// A signature's POST and its confirmation's are answered by their route handlers called directly
// (scripts/direct-routes.mjs), not through Next's request machinery. A supporter must not be able to tell: every
// answer here — accepted, refused, malformed, too large, confirmed — is compared with Next's own, from a sibling
// server on the same database with DIRECT_ROUTES=off.

let next: EmbeddedServer;
test.beforeAll(async () => {
  next = await startSiblingServer({ DIRECT_ROUTES: "off", JOBS: "off", TRUSTED_PROXIES: "127.0.0.1/32" });
});
test.afterAll(async () => {
  await next?.stop();
});

const IGNORED = new Set(["date", "content-length", "connection", "keep-alive", "transfer-encoding", "content-encoding", "vary"]);

const run = Date.now() % 100_000;
/** Each side's addresses differ by this token, taken out of the answers before comparing. */
const DIRECT = "sidedirect";
const NEXT = "sidenext";

type Answer = { status: number; headers: Record<string, string>; body: string };

async function post(base: string, path: string, headers: Record<string, string>, body: string, side: string): Promise<Answer> {
  // Each side speaks for a client of its own (the per-client limits count both sides in the one database).
  const client = { "x-forwarded-for": `10.${run % 250}.${Math.floor(Math.random() * 250)}.${side === DIRECT ? 1 : 2}` };
  const response = await fetch(`${base}${path}`, { method: "POST", redirect: "manual", headers: { ...headers, ...client }, body: body.replaceAll("SIDE", side) });
  const kept = [...response.headers].filter(([name]) => !IGNORED.has(name));
  return {
    status: response.status,
    headers: Object.fromEntries(kept),
    body: (await response.text()).replaceAll(side, "SIDE").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "ID"),
  };
}

async function confirmToken(mailbox: Mailbox, email: string): Promise<string> {
  const mail = await mailbox.waitFor((e) => e.to.includes(email));
  const token = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")?.[1];
  expect(token, "a confirmation link in the email").toBeTruthy();
  return token!;
}

test("a signature's and a confirmation's answers are Next's own, byte for byte, whatever was sent", async ({ baseURL, mailbox }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const form = { "content-type": "application/x-www-form-urlencoded", origin };
  const json = { ...form, accept: "application/json" };
  const sign = `/api/v1/petitions/${petitionSlug}/signatures`;
  const cases: [string, string, Record<string, string>, string][] = [
    ["accepted (JSON)", sign, json, `name=Dana&locale=en&email=dr.${run}.SIDE.1%40example.org`],
    ["accepted (form, 303)", sign, form, `name=Dana&locale=kk&email=dr.${run}.SIDE.2%40example.org`],
    ["accepted again: the same address", sign, json, `name=Dana&locale=en&email=dr.${run}.SIDE.1%40example.org`],
    ["JSON body", sign, { "content-type": "application/json", accept: "application/json", origin }, `{"name":"Dana","email":"dr.${run}.SIDE.3@example.org","locale":"ru"}`],
    ["invalid address (form: the form again)", sign, form, "name=Dana&locale=en&email=not-an-address"],
    ["invalid address (JSON)", sign, json, "name=Dana&locale=ru&email=not-an-address"],
    ["name far too long", sign, form, `name=${"Я".repeat(5000)}&locale=ru&email=dr.${run}.SIDE.4%40example.org`],
    ["over the form cap", sign, form, `name=${"x".repeat(70_000)}&locale=en&email=dr.${run}.SIDE.5%40example.org`],
    ["malformed multipart", sign, { "content-type": "multipart/form-data; boundary=x", origin }, "garbage"],
    ["unknown petition", "/api/v1/petitions/no-such-petition/signatures", form, "name=Dana&locale=en&email=a%40example.org"],
    ["slug that is not one", "/api/v1/petitions/NOT%20A%20SLUG/signatures", json, "name=Dana&locale=en&email=a%40example.org"],
    ["confirm: unknown token (form)", "/api/v1/signatures/confirm", form, `locale=en&token=${"A".repeat(43)}`],
    ["confirm: unknown token (JSON)", "/api/v1/signatures/confirm", json, `locale=ru&token=${"B".repeat(43)}`],
    ["confirm: no token", "/api/v1/signatures/confirm", json, "locale=kk"],
  ];
  for (const [label, path, headers, body] of cases) {
    const [direct, viaNext] = await Promise.all([post(baseURL!, path, headers, body, DIRECT), post(next.baseURL, path, headers, body, NEXT)]);
    expect(direct, label).toEqual(viaNext);
    expect(direct.headers["content-security-policy"], label).toContain("default-src 'none'");
  }

  // Confirmed: each side opens the link of its own signature.
  const tokens = await Promise.all([DIRECT, NEXT].map((side) => confirmToken(mailbox, `dr.${run}.${side}.2@example.org`)));
  const [direct, viaNext] = await Promise.all([
    post(baseURL!, "/api/v1/signatures/confirm", form, `locale=kk&token=${tokens[0]}`, DIRECT),
    post(next.baseURL, "/api/v1/signatures/confirm", form, `locale=kk&token=${tokens[1]}`, NEXT),
  ]);
  expect(direct.status).toBe(303);
  expect(direct).toEqual(viaNext);

  // And the two really took different paths: Next's answer carries its router's Vary, the direct one does not.
  const [a, b] = await Promise.all([baseURL!, next.baseURL].map((base) => fetch(`${base}${sign}`, { method: "POST", headers: json, body: "name=Dana&locale=en&email=x" })));
  expect(b!.headers.get("vary") ?? "").toContain("rsc");
  expect(a!.headers.get("vary") ?? "").not.toContain("rsc");
});

test("a large direct answer is gzipped for a client that takes it, and plain for one that does not", async ({ baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const body = "name=Dana&locale=en&email=not-an-address"; // the form again, with its message: some 10 KB of HTML
  const sign = `${baseURL}/api/v1/petitions/${petitionSlug}/signatures`;
  const { request } = await import("node:http");
  const raw = (acceptEncoding: string) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; first: number }>((resolve, reject) => {
      const req = request(sign, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin, "accept-encoding": acceptEncoding } }, (res) => {
        res.once("data", (chunk: Buffer) => {
          resolve({ encoding: res.headers["content-encoding"], vary: res.headers.vary, first: chunk[0]! });
          res.destroy();
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  const gzipped = await raw("gzip, deflate");
  expect(gzipped.encoding).toBe("gzip");
  expect(gzipped.first).toBe(0x1f); // gzip's magic
  expect(gzipped.vary).toContain("Accept-Encoding");
  const plain = await raw("identity");
  expect(plain.encoding).toBeUndefined();
  expect(String.fromCharCode(plain.first)).toBe("<");
});
