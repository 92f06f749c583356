/**
 * tsx bench/fanout/profile.ts — where a fan-out page and a batch of update emails spend their time, without the
 * app server: a fresh PostgreSQL database with PROFILE_SUBSCRIBERS confirmed subscribers (seeded by SQL), one
 * update sent, then
 *   - the fan-out: every page timed (fanOutPage, 1,000 subscribers each) until the whole list is queued;
 *   - EXPLAIN ANALYZE of the statements of one page;
 *   - the sender's rendering of PROFILE_BATCHES batches of 100 update emails (renderBatch's work, timed by step).
 * Prints figures only; nothing is kept (the database is dropped).
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, rowsOf } from "@/db";
import { seed } from "@/db/seed";
import { adminQuery, testServerUrl, withDatabase } from "@/db/testing";
import { seedSubscribers } from "../support";
import { createUpdate } from "@/lib/updates/create-update";
import { fanOutPage } from "@/lib/updates/fan-out";
import { sendUpdate } from "@/lib/updates/send-update";
import { findUpdateById } from "@/db/queries/updates";
import { hasText } from "@/lib/updates/content";
import type { Locale } from "@/lib/i18n/locales";
import { updateCreateSchema } from "@/lib/validation/updates";
import { type RenderedEmail, emailKinds } from "@/lib/email/kinds";
import { renderEmail } from "@/lib/email/sender";

const SUBSCRIBERS = Number(process.env.PROFILE_SUBSCRIBERS ?? 100_000);
const BATCHES = Number(process.env.PROFILE_BATCHES ?? 20);
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.APP_URL ??= "http://127.0.0.1:3601";

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (xs: number[]) => `total ${sum(xs).toFixed(0)} ms, per unit p50 ${q(xs, 0.5).toFixed(1)} ms p95 ${q(xs, 0.95).toFixed(1)} ms (n ${xs.length})`;

async function main() {
  const name = `qoldau_profile_fanout_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`create database "${name}"`);
  const database: Database = await openDatabase({ databaseUrl: withDatabase(testServerUrl, name), migrate: true, max: 4 });
  const db = database.db;
  try {
    await seed(db);
    const t0 = performance.now();
    await seedSubscribers(database, SUBSCRIBERS);
    await db.execute(sql`analyze subscribers`);
    console.log(`seeded ${SUBSCRIBERS} subscribers in ${(performance.now() - t0).toFixed(0)} ms`);
    const [admin] = rowsOf<{ id: string; email: string }>(await db.execute(sql`insert into users (email, role) values ('profile-admin@example.org', 'admin') returning id, email`));
    const actor = { userId: admin!.id, email: admin!.email, role: "admin" as const };
    const [campaign] = rowsOf<{ id: string }>(await db.execute(sql`select id from campaigns order by created_at limit 1`));
    const created = await createUpdate(
      db,
      actor,
      updateCreateSchema.parse({
        campaignId: campaign!.id,
        defaultLocale: "ru",
        title: { ru: "Суд назначен на 14 декабря", kk: "Сот 14 желтоқсанға белгіленді", en: "The trial is set for 14 December" },
        body: { ru: "Заседание в **суде** в 10:00.\n\n- приходите\n\n[Подробнее](https://example.org/case)", kk: "Отырыс **сотта**.", en: "The hearing is at **10:00**." },
      }),
    );
    await sendUpdate(db, actor, { updateId: created.id, version: 1 });
    const update = (await findUpdateById(db, created.id))!;
    const locales = new Set((Object.keys(update.texts) as Locale[]).filter((l) => hasText(update.texts, l)));

    // ── EXPLAIN ANALYZE of one page's statement (the first page; rolled back) ──
    await db
      .transaction(async (tx) => {
        const explaining = new Proxy(tx, {
          get: (target, prop, receiver) =>
            prop === "execute" ? (query: ReturnType<typeof sql>) => target.execute(sql`explain (analyze, buffers, costs off) ${query}`) : Reflect.get(target, prop, receiver),
        });
        const plan: string[] = [];
        const capture = new Proxy(explaining, {
          get: (target, prop, receiver) =>
            prop === "execute"
              ? async (query: ReturnType<typeof sql>) => {
                  const rows = rowsOf<{ "QUERY PLAN": string }>(await (target as typeof tx).execute(query));
                  plan.push(...rows.map((r) => `  ${r["QUERY PLAN"]}`));
                  return [{ advanced: 1, last: null, size: 0, enqueued: 0 }];
                }
              : Reflect.get(target, prop, receiver),
        });
        await fanOutPage(capture as unknown as Database["db"], update, null, { pageSize: 1000, leaseMs: 30_000, locales, defaultLocale: update.defaultLocale as Locale });
        console.log(`one fan-out page (first page of 1,000):\n${plan.join("\n")}`);
        throw new Error("rollback");
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && e.message === "rollback")) throw e;
      });

    // ── The fan-out, page by page ──
    const pages: number[] = [];
    let cursor: string | null = null;
    const started = performance.now();
    for (;;) {
      const t = performance.now();
      const page = await fanOutPage(db, update, cursor, { pageSize: 1000, leaseMs: 30_000, locales, defaultLocale: update.defaultLocale as Locale });
      pages.push(performance.now() - t);
      cursor = page.cursor;
      if (page.state !== "more") break;
    }
    console.log(`fan-out: ${SUBSCRIBERS} queued in ${((performance.now() - started) / 1000).toFixed(2)} s; pages: ${fmt(pages)}`);

    // ── EXPLAIN ANALYZE of a page's statements, at a mid cursor, in a transaction rolled back ──
    const [mid] = rowsOf<{ id: string }>(await db.execute(sql`select id from subscribers order by id offset ${Math.floor(SUBSCRIBERS / 2)} limit 1`));
    const explain = async (label: string, statement: ReturnType<typeof sql>) => {
      const rows = rowsOf<{ "QUERY PLAN": string }>(await db.execute(sql`explain (analyze, buffers, costs off) ${statement}`));
      console.log(`\n${label}\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
    };
    await explain(
      "page of subscribers (listDeliverableSubscribers)",
      sql`select id, email_sealed, locale, token_nonce from subscribers s where campaign_id = ${campaign!.id} and state = 'confirmed' and id > ${mid!.id}
          and not exists (select 1 from email_suppressions e where e.email_index = s.email_index) order by id limit 1000`,
    );

    // ── The sender's rendering, step by step, on batches of 100 queued update emails: one by one (each reads its
    // subscriber: the sender's path for kinds without renderMany) and together (renderMany: one query a batch) ──
    const def = emailKinds["campaign-update"];
    const ids = rowsOf<{ id: string; payload: unknown }>(await db.execute(sql`select id, payload from email_outbox where kind = 'campaign-update' order by priority, created_at limit ${BATCHES * 200}`));
    for (const mode of ["one by one", "together"] as const) {
      const parse: number[] = [];
      const renderCall: number[] = [];
      const fill: number[] = [];
      const perBatch: number[] = [];
      const offset = mode === "together" ? BATCHES * 100 : 0;
      let last: Awaited<ReturnType<typeof def.render>>[] = [];
      for (let b = 0; b < BATCHES; b++) {
        const tb = performance.now();
        const chunk = ids.slice(offset + b * 100, offset + b * 100 + 100);
        let t = performance.now();
        const payloads = chunk.map((m) => def.payload.parse(m.payload));
        parse.push(performance.now() - t);
        t = performance.now();
        let emails: Awaited<ReturnType<typeof def.render>>[] = [];
        if (mode === "together") emails = await def.renderMany!(db, payloads.map((payload, i) => ({ payload, id: chunk[i]!.id })));
        else for (let i = 0; i < chunk.length; i += 10) emails.push(...(await Promise.all(payloads.slice(i, i + 10).map((p, j) => def.render(db, p, { id: chunk[i + j]!.id })))));
        renderCall.push(performance.now() - t);
        last = emails;
        t = performance.now();
        for (const email of emails) if (!("skip" in email)) await renderEmail(email);
        fill.push(performance.now() - t);
        perBatch.push(performance.now() - tb);
      }
      if (mode === "together") {
        // What a batch then costs besides rendering: the rendered request stored as JSON and read back (loadRequest).
        const rendered = await Promise.all(last.filter((e) => !("skip" in e)).map(async (e) => ({ ...(await renderEmail(e as RenderedEmail)), to: (e as RenderedEmail).to, subject: (e as RenderedEmail).subject, headers: (e as RenderedEmail).headers })));
        let t = performance.now();
        const json = JSON.stringify(rendered);
        const stringifyMs = performance.now() - t;
        for (const storage of ["extended", "external"] as const) {
          await db.execute(sql`drop table if exists profile_members`);
          await db.execute(sql`create table profile_members (position smallint, message jsonb)`);
          await db.execute(sql.raw(`alter table profile_members alter column message set storage ${storage}`));
          const store: number[] = [];
          const load: number[] = [];
          for (let k = 0; k < 10; k++) {
            t = performance.now();
            await db.execute(sql`insert into profile_members select r.position, r.message from jsonb_to_recordset(${JSON.stringify(rendered.map((m, i) => ({ position: i, message: m })))}::jsonb) as r(position smallint, message jsonb)`);
            store.push(performance.now() - t);
            t = performance.now();
            await db.execute(sql`select position, message from profile_members where position >= 0 limit 100`);
            load.push(performance.now() - t);
          }
          const [size] = rowsOf<{ raw: number; stored: number }>(await db.execute(sql`select sum(octet_length(message::text))::int / 10 as raw, sum(pg_column_size(message))::int / 10 as stored from profile_members`));
          console.log(`\none rendered batch, storage ${storage}: ${(json.length / 1024).toFixed(0)} KB of JSON (${(json.length / 1024 / rendered.length).toFixed(1)} KB an email; stored ${(size!.stored / 1024).toFixed(0)} KB), JSON.stringify ${stringifyMs.toFixed(1)} ms, stored in p50 ${q(store, 0.5).toFixed(1)} ms, read back in p50 ${q(load, 0.5).toFixed(1)} ms`);
        }
        await db.execute(sql`drop table profile_members`);
      }
      console.log(`\nsender, ${BATCHES} batches of 100 update emails, ${mode} (the first batch renders the templates):`);
      console.log(`  payload parse           ${fmt(parse)}`);
      console.log(`  kind render (db reads)  ${fmt(renderCall)}`);
      console.log(`  template fill + links   ${fmt(fill)}`);
      console.log(`  per batch               ${fmt(perBatch)}`);
    }
    await explain(
      "one subscriber (findDeliverableSubscriber)",
      sql`select id, campaign_id, email_sealed, locale, token_nonce from subscribers s where id = ${mid!.id} and state = 'confirmed'
          and not exists (select 1 from email_suppressions e where e.email_index = s.email_index)`,
    );
    await explain(
      "the ready queue (claimNew's pick)",
      sql`select id from email_outbox where state = 'queued' and available_at <= clock_timestamp() order by priority, created_at limit 100`,
    );
    await explain(
      "reserveSlot's backlog count",
      sql`select count(*) from (select 1 from email_outbox where state = 'queued' and available_at <= clock_timestamp() limit 800) q`,
    );
  } finally {
    await database.close();
    await adminQuery(`drop database if exists "${name}" with (force)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
