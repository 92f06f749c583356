import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, type Db, rowsOf } from "@/db";
import { seed } from "@/db/seed";
import { setUpTestDatabase } from "@/db/test-database";
import { emailIndexIn, testDriver } from "@/db/testing";
import { makeUser } from "@/lib/organizers/test-world";
import { signPetition } from "@/lib/signatures/sign-petition";
import { locales } from "@/lib/i18n/locales";
import { signInputSchema } from "@/lib/validation/signatures";
import { type MailSender, type SenderOptions, mailHalt, startMailSender } from "./sender";
import { setUpResendCapture } from "./test-capture";
import { mailInFlight, untilMailBudgetFree } from "./testing";
import { exited, testChild } from "./test-child";

// The mail pipeline end to end on a real database (PostgreSQL, or PGlite with QOLDAU_TEST_DRIVER=pglite) and the
// real resend SDK against the capture server, which enforces a requests/s limit like Resend.

const slug = "drop-the-charges";
const capture = setUpResendCapture({ rateLimit: 2 });
// On disk on PGlite: the child processes below open the same data folder.
const testDb = setUpTestDatabase({ max: 10, onDisk: true });
let database: Database | undefined;
let sender: MailSender | undefined;
const db = (): Db => database!.db;
const target = () => testDb().target!;

beforeAll(async () => {
  database = testDb();
  await seed(db());
});

afterAll(async () => {
  await sender?.stop();
  if (database !== testDb()) await database?.close(); // a handle reopened after a child ran
});

beforeEach(async () => {
  await sender?.stop();
  sender = undefined;
  capture().reset();
  capture().setRateLimit(2);
});

function start(options: SenderOptions = {}) {
  sender = startMailSender(db(), { idleMs: 50, retryBaseMs: 200, maxRps: 2, ...options });
  return sender;
}

const signer = (tag: string, i: number) =>
  signInputSchema.parse({ name: `Signer ${i}`, email: `${tag}.${i}@example.org`, locale: locales[i % 3] });

async function sign(tag: string, n: number) {
  await Promise.all(Array.from({ length: n }, (_, i) => signPetition({ db: db() }, slug, signer(tag, i))));
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30_000, what = "the condition") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const to = (tag: string) => capture().emails().filter((e) => e.to[0]!.startsWith(`${tag}.`));
const perAddress = (tag: string) => {
  const counts = new Map<string, number>();
  for (const e of to(tag)) counts.set(e.to[0]!, (counts.get(e.to[0]!) ?? 0) + 1);
  return counts;
};

/** PGlite allows one process per data folder: the parent lets go while a child runs. */
async function releaseForChild() {
  if (testDriver === "pglite") {
    await database!.close();
    database = undefined;
  }
}
async function reopen() {
  if (testDriver === "pglite") database = await testDb().reopen();
}

const child = (args: string[]) => testChild("lib/email/testing-child/mail-process.ts", args, capture().url);

describe("the mail sender", () => {
  it("sends 500 signers' confirmations in at most 6 provider requests, each email exactly once", async () => {
    start();
    await sign("five-hundred", 500);
    await until(() => to("five-hundred").length >= 500, 30_000, "500 emails");
    await until(async () => (await mailInFlight(db())) === 0);
    const counts = perAddress("five-hundred");
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const stats = capture().stats();
    expect(stats.requests).toBeLessThanOrEqual(6);
    expect(stats.byStatus[429] ?? 0).toBe(0); // the provider (a token bucket of 2 per second) never had to refuse one
    // A delivery row per recipient, every one sent.
    const [row] = rowsOf<{ sent: number }>(
      await db().execute(sql`select count(*)::int as sent from email_deliveries d join email_outbox o on d.idempotency_key = 'signature-confirmation/' || o.id
        where o.payload->>'signatureId' in (select id::text from signatures where email_index in ${emailIndexIn(Array.from({ length: 500 }, (_, i) => `five-hundred.${i}@example.org`))}) and d.status = 'sent'`),
    );
    expect(row!.sent).toBe(500);
  });

  it("a lone signer's confirmation leaves within 2 seconds", async () => {
    start();
    await until(async () => (await mailInFlight(db())) === 0);
    await untilMailBudgetFree(db()); // no request slot reserved ahead by earlier tests
    const started = Date.now();
    await signPetition({ db: db() }, slug, signer("lone", 0));
    await capture().waitFor((e) => e.to[0] === "lone.0@example.org", 5_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("waits out the provider's 429s (retry-after) and still delivers each email once", async () => {
    capture().setRateLimit(1); // the provider allows less than we were told
    start({ maxRps: 5 });
    await sign("limited", 250);
    await until(() => to("limited").length >= 250, 30_000, "250 emails");
    await until(async () => (await mailInFlight(db())) === 0);
    expect(capture().stats().byStatus[429]).toBeGreaterThan(0);
    expect([...perAddress("limited").values()].every((n) => n === 1)).toBe(true);
    expect(perAddress("limited").size).toBe(250);
  });

  it("one refused recipient fails alone; the others in its batch are sent", async () => {
    capture().refuse(["refused.3@example.org"]);
    await sign("refused", 10);
    start();
    await until(async () => (await mailInFlight(db())) === 0);
    expect([...perAddress("refused").keys()].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `refused.${i}@example.org`).filter((a) => a !== "refused.3@example.org").sort(),
    );
    const states = rowsOf<{ state: string; n: number }>(
      await db().execute(sql`select o.state, count(*)::int as n from email_outbox o join signatures s on o.payload->>'signatureId' = s.id::text
        where s.email_index in ${emailIndexIn(Array.from({ length: 10 }, (_, i) => `refused.${i}@example.org`))} group by o.state order by o.state`),
    );
    expect(states).toEqual([{ state: "failed", n: 1 }, { state: "sent", n: 9 }]);
  });

  it("a refused API key (401) stops sending, says so, burns no retry, and mail flows once the key works", async () => {
    capture().failNext(1, 401);
    await sign("bad-key", 3);
    start({ haltMs: 1_500 });
    await until(async () => (await mailHalt(db())) !== null, 10_000, "the halt");
    expect((await mailHalt(db()))!.reason).toContain("401");
    const [batch] = rowsOf<{ attempts: number }>(await db().execute(sql`select attempts from email_batches where state <> 'done'`));
    expect(batch?.attempts).toBe(0);
    await until(() => to("bad-key").length === 3, 15_000, "the emails after the halt");
    await until(async () => (await mailHalt(db())) === null, 5_000, "the halt to clear");
  });

  it("a crash mid-batch resends with the same idempotency key, and the provider stores nothing twice", async () => {
    await sign("crash", 120);
    capture().delayNext(1, 60_000); // stored at once, answered never (the sender dies first)
    await releaseForChild();
    const c = child(["send", target(), "2000", "2"]);
    await until(() => capture().emails().length > 0, 20_000, "the first batch to reach the provider");
    c.proc.kill("SIGKILL");
    await exited(c.proc);
    const first = capture().emails().filter((e) => e.to[0]!.startsWith("crash."));
    const key = first[0]!.idempotencyKey!;
    expect(key).toMatch(/^batch\//);
    await reopen();
    start();
    await until(() => to("crash").length >= 120 && (capture().stats().requestsByKey[key] ?? 0) >= 2, 30_000, "the rest");
    await until(async () => (await mailInFlight(db())) === 0);
    const counts = perAddress("crash");
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The batch that was in flight went again under the same key (answered from the provider's store).
    const [row] = rowsOf<{ state: string }>(await db().execute(sql`select state from email_batches where id = ${key.slice("batch/".length)}::uuid`));
    expect(row?.state).toBe("done");
    expect(capture().stats().requestsByKey[key]).toBeGreaterThanOrEqual(2);
    expect(capture().emails().filter((e) => e.idempotencyKey === key)).toHaveLength(first.filter((e) => e.idempotencyKey === key).length);
  });

  it("a sign-in link and an invitation asked for just before a crash arrive once after a restart", async () => {
    const admin = await makeUser(db(), "admin", `crash${Date.now()}`);
    const organizer = await makeUser(db(), "organizer", `crash${Date.now()}`);
    const invitee = `invitee-${Date.now()}@example.org`;
    await releaseForChild();
    const c = child(["request", target(), organizer.email, admin.userId, admin.email, invitee]);
    expect(await c.output).toContain("REQUESTED");
    expect(c.proc.signalCode).toBe("SIGKILL");
    expect(capture().emails()).toHaveLength(0);
    await reopen();
    start();
    await capture().waitFor((e) => e.to[0] === organizer.email, 10_000);
    await capture().waitFor((e) => e.to[0] === invitee, 10_000);
    await until(async () => (await mailInFlight(db())) === 0);
    expect(capture().emails().filter((e) => e.to[0] === organizer.email)).toHaveLength(1);
    expect(capture().emails().filter((e) => e.to[0] === invitee)).toHaveLength(1);
    expect(capture().emails().find((e) => e.to[0] === organizer.email)!.text).toContain("/en/sign-in/verify?token=crash-token-");
  });
});
