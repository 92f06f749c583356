import { sealedSubscriber } from "@/db/personal-data";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, type Db, rowsOf } from "@/db";
import { campaignUpdates } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { testDriver } from "@/db/testing";
import { setUpResendCapture } from "@/lib/email/test-capture";
import { type MailSender, startMailSender } from "@/lib/email/sender";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { makeWorld } from "@/lib/organizers/test-world";
import { updateCreateSchema } from "@/lib/validation/updates";
import { eq } from "drizzle-orm";
import { createUpdate } from "./create-update";
import { type UpdateFanout, startUpdateFanout } from "./fan-out";
import { nextUpdateAllowedAt } from "./frequency";
import { cancelUpdate, pauseUpdate, resumeUpdate } from "./pause-update";
import { sendTestUpdate } from "./send-test-update";
import { sendUpdate } from "./send-update";
import { exited, testChild } from "@/lib/email/test-child";

// Updates end to end on a real database (PostgreSQL, or PGlite with QOLDAU_TEST_DRIVER=pglite): compose, the
// fan-out, the mail sender and the real resend SDK against the capture server.

const capture = setUpResendCapture({ rateLimit: 50 });
// On disk on PGlite: the fan-out child process below opens the same data folder.
const testDb = setUpTestDatabase({ max: 10, onDisk: true });
let database: Database | undefined;
let workers: { sender: MailSender; fanout: UpdateFanout } | undefined;
const db = (): Db => database!.db;
const target = () => testDb().target!;

beforeAll(() => {
  database = testDb();
});

afterAll(async () => {
  await stopWorkers();
  if (database !== testDb()) await database?.close(); // a handle reopened after the child ran
});

beforeEach(() => capture().reset());

function startWorkers(pageSize = 100, loops?: number) {
  workers = { sender: startMailSender(db(), { idleMs: 50, retryBaseMs: 200, maxRps: 50, leaseMs: 2000, loops }), fanout: startUpdateFanout(db(), { idleMs: 50, pageSize, leaseMs: 2000 }) };
}
async function stopWorkers() {
  await Promise.all([workers?.sender.stop(), workers?.fanout.stop()]);
  workers = undefined;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 60_000, what = "the condition") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const form = (campaignId: string, texts: Partial<Record<Locale, [string, string]>>, defaultLocale: Locale = "ru") =>
  updateCreateSchema.parse({
    campaignId,
    defaultLocale,
    title: { ru: texts.ru?.[0] ?? "", kk: texts.kk?.[0] ?? "", en: texts.en?.[0] ?? "" },
    body: { ru: texts.ru?.[1] ?? "", kk: texts.kk?.[1] ?? "", en: texts.en?.[1] ?? "" },
  });

/** `n` confirmed subscribers of a campaign, by SQL, their languages cycling ru, kk, en. */
async function subscribe(campaignId: string, tag: string, n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ i, ...sealedSubscriber(`${tag}.${i}@example.org`) }));
  await db().execute(sql`insert into subscribers (campaign_id, email_index, email_sealed, locale, state, source, consent_wording_version, token_nonce, confirm_token_hash, manage_token_hash, token_expires_at, confirmed_at)
    select ${campaignId}, r."emailIndex", r."emailSealed", (array['ru','kk','en'])[1 + r.i % 3], 'confirmed', 'standalone', 'updates-v1',
           md5(${tag} || r.i), md5('c' || ${tag} || r.i), md5('m' || ${tag} || r.i), now() + interval '1 day', now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(i int, "emailIndex" text, "emailSealed" text)`);
}

const captured = (tag: string) => capture().emails().filter((e) => e.to[0]!.startsWith(`${tag}.`));
const stateOf = async (id: string) => (await db().select().from(campaignUpdates).where(eq(campaignUpdates.id, id)))[0]!;

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, ...error.fields };
    throw error;
  }
  throw new Error("expected a refusal");
}

// A crash and a restart, thousands of emails at 50 req/s, on a shared machine: minutes, not seconds.
describe(`updates on ${testDriver}`, { timeout: 240_000 }, () => {
  it("refuses raw HTML, javascript: links, images and 50,000 characters, writing nothing", async () => {
    const w = await makeWorld(db());
    const before = (await db().select().from(campaignUpdates).where(eq(campaignUpdates.campaignId, w.campaignA.id))).length;
    expect(await refusal(createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["T", "Hi <script>alert(1)</script>"] })))).toMatchObject({ code: "invalid_input", "body.ru": "markdown_html" });
    expect(await refusal(createUpdate(db(), w.organizer, form(w.campaignA.id, { en: ["T", "[x](javascript:alert(1))"] })))).toMatchObject({ "body.en": "markdown_link" });
    expect(await refusal(createUpdate(db(), w.organizer, form(w.campaignA.id, { kk: ["T", "![a](https://example.org/a.png)"] })))).toMatchObject({ "body.kk": "markdown_image" });
    expect(await refusal(createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["T", "x".repeat(50_000)] })))).toMatchObject({ "body.ru": "markdown_too_long" });
    expect((await db().select().from(campaignUpdates).where(eq(campaignUpdates.campaignId, w.campaignA.id))).length).toBe(before);
  });

  it("says so when nobody is subscribed, and will not send an empty update", async () => {
    const w = await makeWorld(db());
    const empty = await createUpdate(db(), w.organizer, form(w.campaignA.id, { en: ["Only English", "Body"] }));
    expect(await refusal(sendUpdate(db(), w.organizer, { updateId: empty.id, version: 1 }))).toMatchObject({ form: "update_empty" });
    const u = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["Заголовок", "Текст"] }));
    expect(await refusal(sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 }))).toMatchObject({ form: "update_no_subscribers" });
    expect((await stateOf(u.id)).state).toBe("draft");
  });

  it("sends each subscriber one email in their language (or the default), with both List-Unsubscribe headers; a second send does nothing", async () => {
    const w = await makeWorld(db());
    await subscribe(w.campaignA.id, `lang-${w.tag}`, 30);
    // Written in Russian and English: Kazakh readers get the default, Russian.
    const u = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["Суд назначен", "Заседание **в понедельник**."], en: ["Court date set", "The hearing is on **Monday**."] }));
    startWorkers(7);
    const sent = await sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 });
    expect(sent).toMatchObject({ recipients: 30 });
    expect(await sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 })).toEqual({ alreadySending: true });
    await until(async () => (await stateOf(u.id)).state === "sent", 60_000, "the update to be sent");
    await stopWorkers();
    const emails = captured(`lang-${w.tag}`);
    expect(emails).toHaveLength(30);
    expect(new Set(emails.map((e) => e.to[0])).size).toBe(30);
    for (const e of emails) {
      const i = Number(e.to[0]!.split(".")[1]!.split("@")[0]);
      expect(e.subject.startsWith(i % 3 === 2 ? "Court date set" : "Суд назначен")).toBe(true);
      expect(e.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/qoldau\.test\/.+>$/);
      expect(e.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(e.html).toContain("<strong>");
      expect(e.html).not.toContain("qoldaufill");
    }
  });

  it("holds a campaign to three updates a week and says when the next is allowed", async () => {
    const w = await makeWorld(db());
    await subscribe(w.campaignA.id, `freq-${w.tag}`, 2);
    startWorkers();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const u = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: [`Новость ${i}`, "Текст"] }));
      await sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 });
      ids.push(u.id);
    }
    const fourth = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["Четвёртая", "Текст"] }));
    expect(await refusal(sendUpdate(db(), w.organizer, { updateId: fourth.id, version: 1 }))).toMatchObject({ form: "update_too_frequent" });
    const first = await stateOf(ids[0]!);
    const next = await nextUpdateAllowedAt(db(), w.campaignA.id, new Date(), fourth.id);
    expect(next!.getTime()).toBeGreaterThan(first.startedAt!.getTime() + 7 * 24 * 3600_000 - 1);
    await until(async () => (await Promise.all(ids.map(stateOf))).every((u) => u.state === "sent"), 60_000, "three updates sent");
    await stopWorkers();
  });

  it("pauses (taking back what is queued), resumes without sending anyone twice, and cancels", async () => {
    const w = await makeWorld(db());
    await subscribe(w.campaignA.id, `pause-${w.tag}`, 250);
    const u = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["Пауза", "Текст"] }));
    await sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 });
    // The fan-out runs with no sender: everything waits in the outbox, then the pause takes it back.
    const fanout = startUpdateFanout(db(), { idleMs: 50, pageSize: 100, leaseMs: 2000 });
    await until(async () => (await stateOf(u.id)).fanoutDoneAt !== null, 30_000, "the fan-out");
    await fanout.stop();
    const paused = await pauseUpdate(db(), w.organizer, { updateId: u.id, version: (await stateOf(u.id)).version });
    const [left] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from update_deliveries where update_id = ${u.id}`));
    expect(left!.n).toBe(0);
    await resumeUpdate(db(), w.organizer, { updateId: u.id, version: paused.version });
    startWorkers(100);
    await until(async () => (await stateOf(u.id)).state === "sent", 60_000, "the resumed update");
    await stopWorkers();
    const emails = captured(`pause-${w.tag}`);
    expect(emails).toHaveLength(250);
    expect(new Set(emails.map((e) => e.to[0])).size).toBe(250);

    const c = await createUpdate(db(), w.admin, form(w.campaignA.id, { ru: ["Отмена", "Текст"] }));
    const started = await sendUpdate(db(), w.admin, { updateId: c.id, version: 1 }).catch(() => null);
    // The weekly cap may already be reached by this campaign's earlier updates in this file.
    if (started && "update" in started) {
      await cancelUpdate(db(), w.admin, { updateId: c.id, version: started.update.version });
      expect((await stateOf(c.id)).state).toBe("cancelled");
    }
  });

  it("a transactional email queued behind a whole fan-out goes in the very next batch, ahead of every update email", async () => {
    const w = await makeWorld(db());
    const tag = `prio-${w.tag}`;
    await subscribe(w.campaignA.id, tag, 300);
    const u = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["Очередь", "Текст"] }));
    await sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 });
    // The fan-out alone: 300 update emails wait in the outbox, then the organizer asks for a test copy.
    const fanout = startUpdateFanout(db(), { idleMs: 50, pageSize: 100, leaseMs: 2000 });
    await until(async () => (await stateOf(u.id)).fanoutDoneAt !== null, 30_000, "the fan-out");
    await fanout.stop();
    await sendTestUpdate(db(), w.organizer, { updateId: u.id, testLocale: "en" });
    // One sender loop, so "the next batch" is one claim (with several, batches begun at the same moment race for
    // their creation times and the order below would say nothing about the claim's priority).
    startWorkers(100, 1);
    await until(async () => (await stateOf(u.id)).state === "sent", 60_000, "the update to be sent");
    await stopWorkers();
    expect(capture().emails().filter((e) => e.subject.startsWith("[TEST]"))).toHaveLength(1);
    expect(captured(tag)).toHaveLength(300);
    // Its batch was the first one made after it was queued: none of the 300 went before it.
    const [order] = rowsOf<{ first: boolean; position: number }>(
      await db().execute(sql`select b.created_at <= (select min(b2.created_at) from email_batches b2 join email_outbox o2 on o2.batch_id = b2.id
                                                     where o2.kind = 'campaign-update' and o2.payload->>'updateId' = ${u.id}) as first, m.position
        from email_outbox o join email_batches b on b.id = o.batch_id join email_batch_members m on m.outbox_id = o.id
        where o.kind = 'campaign-update-test' and o.payload->>'updateId' = ${u.id}`),
    );
    expect(order).toEqual({ first: true, position: 0 });
  });

  it("resumes a fan-out killed mid-send (SIGKILL) with nobody missing and nobody twice", async () => {
    const w = await makeWorld(db());
    const tag = `crash-${w.tag}`;
    const n = 2000;
    await subscribe(w.campaignA.id, tag, n);
    const u = await createUpdate(db(), w.organizer, form(w.campaignA.id, { ru: ["Авария", "Текст"], en: ["Crash", "Text"] }));
    await sendUpdate(db(), w.organizer, { updateId: u.id, version: 1 });
    if (testDriver === "pglite") {
      await database!.close();
      database = undefined;
    }
    const c = child([target(), "20"]);
    await c.waitFor("PAGE");
    c.proc.kill("SIGKILL");
    await exited(c.proc);
    if (testDriver === "pglite") database = await testDb().reopen();
    const [mid] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from update_deliveries where update_id = ${u.id}`));
    expect(mid!.n).toBeGreaterThan(0);
    expect(mid!.n).toBeLessThan(n); // killed mid-fan-out
    startWorkers(500);
    await until(async () => (await stateOf(u.id)).state === "sent", 120_000, "the resumed update");
    await stopWorkers();
    const emails = captured(tag);
    const recipients = new Set(emails.map((e) => e.to[0]));
    expect(recipients.size).toBe(n); // nobody missing
    expect(emails).toHaveLength(n); // nobody twice
    // Each provider request went once per key, or was a retry of the same key with the same payload.
    const keys = new Set(emails.map((e) => e.idempotencyKey));
    expect([...keys].every((k) => k?.startsWith("batch/"))).toBe(true);
    const [deliveries] = rowsOf<{ n: number; sent: number }>(
      await db().execute(sql`select count(*)::int as n, count(*) filter (where o.state = 'sent')::int as sent
        from update_deliveries d join email_outbox o on o.id = d.outbox_id where d.update_id = ${u.id}`),
    );
    expect(deliveries).toEqual({ n, sent: n });
  });
});

const child = (args: string[]) => testChild("lib/updates/testing-child/fanout-process.ts", args, capture().url);
