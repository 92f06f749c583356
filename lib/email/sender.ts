import { render } from "@react-email/render";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, rowsOf } from "@/db";
import { env, usesDevMailbox } from "@/lib/env";
import { describeError } from "@/lib/log";
import { suppressedAmong } from "@/db/queries/subscribers";
import { PersonalDataError, open, seal } from "@/db/personal-data";
import { normalizeEmail } from "@/lib/validation/signatures";
import { type EmailKind, type KindPayload, type RenderedEmail, type Skip, emailKinds, isEmailKind, isSkip, isSuppressible, placeholder } from "./kinds";
import { YOUR_DATA_TOKEN, yourDataToken } from "@/lib/your-data/link";
import { type BatchAnswer, MAX_BATCH_EMAILS, type OutgoingEmail, sendBatch } from "./send";

/**
 * The mail sender: every process runs a few loops of
 *   reserve a request slot (shared budget in mail_throttle) → wait for it → claim up to 100 ready emails as a
 *   batch (its membership fixed in one statement) → render them and store the rendered emails → one
 *   `batch.send` with the key `batch/<id>` → a delivery row per email, the batch done.
 * A batch whose lease ran out (its process died, or its last try failed and the backoff passed) is taken over
 * and sent again with the same key and the same stored payload, so the provider answers from its idempotency
 * store instead of sending twice. Nothing waits in memory: every state is a row.
 */
export type SenderOptions = {
  /** Provider requests per second for every process together; RESEND_MAX_RPS by default. */
  maxRps?: number;
  /** How long a batch is ours before another process may take it over. */
  leaseMs?: number;
  /** How often an idle sender looks for mail. */
  idleMs?: number;
  /** Concurrent loops in this process (rendering one batch while another waits for its slot). */
  loops?: number;
  /** A try that failed for a temporary reason is retried after min(retryBaseMs · 2^attempts, 10 min). */
  retryBaseMs?: number;
  /** After this many failed tries the batch's emails are recorded as failed. */
  maxAttempts?: number;
  /** After the provider refused our key (401/403), how long every sender waits before trying again. */
  haltMs?: number;
};

export type MailSender = { stop(): Promise<void> };

type Claimed = { id: string; state: "claimed" | "ready"; attempts: number };

/** What rendering made of one member: an email to send, or why not. */
type Rendered =
  | { outcome: "send"; emailKey: string; template: string; message: z.infer<typeof message>; reason: null; suppressible: boolean }
  | { outcome: "skipped" | "failed"; emailKey: string; template: string; message: null; reason: string; suppressible?: undefined };

const failed = (kind: string, id: string, reason: string) => ({ outcome: "failed" as const, emailKey: `${kind}/${id}`, template: kind, message: null, reason });

const message = z.object({
  to: z.email().max(320),
  subject: z.string().min(1).max(998).regex(/^[^\r\n]*$/),
  html: z.string().max(2_000_000),
  text: z.string().max(1_000_000),
  headers: z.record(z.string().max(100), z.string().max(2000)).optional(),
});

/**
 * A rendered email at rest (email_batch_members.message: address, names, personal links) is sealed
 * (db/personal-data.ts) until the batch is done and it is cleared; opened just before the provider request.
 */
const sealMessage = (m: z.infer<typeof message>) => seal("email_batch_members.message", JSON.stringify(m));
function openMessage(stored: string | Omit<OutgoingEmail, "key">): Omit<OutgoingEmail, "key"> {
  // A batch rendered before encryption at rest holds the email as JSON; it is sent once and cleared.
  return typeof stored === "string" ? JSON.parse(open("email_batch_members.message", stored)) : stored;
}

const escapeHtml = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Rendered templates with placeholders, by templateKey (a few per petition and language). */
const templates = new Map<string, Promise<{ html: string; text: string }>>();

export async function renderEmail(email: RenderedEmail): Promise<{ html: string; text: string }> {
  const element = () => (typeof email.element === "function" ? email.element() : email.element);
  if (!email.fill) {
    const e = element();
    const [html, text] = await Promise.all([render(e), render(e, { plainText: true })]);
    return withYourDataLink(email.to, { html, text });
  }
  let template = templates.get(email.fill.templateKey);
  if (!template) {
    const e = element();
    template = Promise.all([render(e), render(e, { plainText: true })]).then(([html, text]) => ({ html, text }));
    if (templates.size >= 500) templates.delete(templates.keys().next().value!);
    templates.set(email.fill.templateKey, template);
  }
  let { html, text } = await template;
  for (const [name, value] of Object.entries(email.fill.values)) {
    html = html.replaceAll(placeholder(name), escapeHtml(value));
    text = text.replaceAll(placeholder(name), value);
  }
  return withYourDataLink(email.to, { html, text });
}

/** Every email's footer links to the recipient's own "your data" page (emails/components/your-data-footer.tsx). */
function withYourDataLink(to: string, email: { html: string; text: string }) {
  const token = yourDataToken(to); // base64url and dots: nothing to escape
  return { html: email.html.replaceAll(YOUR_DATA_TOKEN, token), text: email.text.replaceAll(YOUR_DATA_TOKEN, token) };
}

const ms = (n: number) => sql`${Math.round(n)} * interval '1 millisecond'`;
const sleep = (n: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (n <= 0 || signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, n);
    signal.addEventListener("abort", onAbort, { once: true });
  });

export function startMailSender(db: Db, options: SenderOptions = {}): MailSender {
  const maxRps = options.maxRps ?? env().RESEND_MAX_RPS;
  const spacingMs = 1000 / maxRps;
  const leaseMs = options.leaseMs ?? 30_000;
  const idleMs = options.idleMs ?? 250;
  const loops = options.loops ?? Math.min(8, Math.max(2, Math.ceil(maxRps)));
  const retryBaseMs = options.retryBaseMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 20;
  const haltMs = options.haltMs ?? 60_000;
  const dev = usesDevMailbox();
  const abort = new AbortController();
  /**
   * How long it takes here from claiming a batch to holding its rendered request, smoothed with its spread (as TCP
   * estimates a round trip): claiming starts that long plus four spreads before the slot, so a slower render than
   * usual still makes its slot instead of losing it to a new one at the end of the queue.
   */
  const lead = { ms: 100, spreadMs: 50 };
  const leadMs = () => lead.ms + 4 * lead.spreadMs;
  const measureLead = (ms: number) => {
    lead.spreadMs = 0.75 * lead.spreadMs + 0.25 * Math.abs(ms - lead.ms);
    lead.ms = 0.875 * lead.ms + 0.125 * ms;
  };

  /** A batch whose lease passed: a crashed sender's, or one whose retry is due. */
  async function takeOver(): Promise<Claimed | null> {
    const [row] = rowsOf<Claimed>(
      await db.execute(sql`
        update email_batches set lease_until = clock_timestamp() + ${ms(leaseMs)}
        where id = (select id from email_batches where state <> 'done' and lease_until < clock_timestamp()
                    order by created_at limit 1 for update skip locked)
        returning id, state, attempts`),
    );
    return row ?? null;
  }

  /**
   * The next request slot, shared by every process: how long to wait for it, or null when there is no mail
   * for another request beyond those already reserved (or sending is halted). `always`: for a batch in hand.
   */
  async function reserveSlot(always: boolean): Promise<number | null> {
    if (dev) {
      // The dev mailbox has no provider budget to share: a slot now, if there is mail.
      if (always) return 0;
      const [work] = rowsOf(await db.execute(sql`select 1 from email_outbox where state = 'queued' and available_at <= clock_timestamp() limit 1`));
      return work ? 0 : null;
    }
    const [row] = rowsOf<{ wait_ms: number }>(
      await db.execute(sql`
        update mail_throttle set next_at = greatest(next_at, clock_timestamp()) + ${ms(spacingMs)}
        where id = 1 and (halted_until is null or halted_until < clock_timestamp())
          and (${always} or (select count(*) from (select 1 from email_outbox where state = 'queued' and available_at <= clock_timestamp()
                                                  limit ${MAX_BATCH_EMAILS * 8}) q)
                 > ${MAX_BATCH_EMAILS} * greatest(0, extract(epoch from (next_at - clock_timestamp())) * 1000 / ${spacingMs}))
        returning (extract(epoch from (next_at - clock_timestamp())) * 1000 - ${spacingMs})::float8 as wait_ms`),
    );
    return row ? Math.max(0, Number(row.wait_ms)) : null;
  }

  /** Up to 100 ready emails, transactional first, become one batch: membership fixed in one statement. */
  async function claimNew(): Promise<Claimed | null> {
    const [row] = rowsOf<{ id: string }>(
      await db.execute(sql`
        with picked as (
          select id from email_outbox where state = 'queued' and available_at <= clock_timestamp()
          order by priority, created_at limit ${MAX_BATCH_EMAILS} for update skip locked
        ), batch as (
          insert into email_batches (lease_until) select clock_timestamp() + ${ms(leaseMs)} where exists (select 1 from picked)
          returning id
        ), members as (
          insert into email_batch_members (batch_id, position, outbox_id)
          select batch.id, (row_number() over ())::smallint - 1, picked.id from picked, batch
        ), marked as (
          update email_outbox set state = 'batched', batch_id = (select id from batch) where id in (select id from picked)
        )
        select id from batch`),
    );
    return row ? { id: row.id, state: "claimed", attempts: 0 } : null;
  }

  /** Renders every member and stores the result: from here on, every try sends exactly this. */
  async function renderBatch(batchId: string): Promise<void> {
    const members = rowsOf<{ position: number; outbox_id: string; kind: string; payload: unknown; priority: number }>(
      await db.execute(sql`
        select m.position, m.outbox_id, o.kind, o.payload, o.priority from email_batch_members m join email_outbox o on o.id = m.outbox_id
        where m.batch_id = ${batchId} order by m.position`),
    );
    const rendered = await renderMembers(members);
    const keys = rendered.flatMap((r) => (r.emailKey ? [r.emailKey] : []));
    // An email already delivered under its key (a notice enqueued twice) is not sent again.
    const sent = new Set(
      keys.length
        ? rowsOf<{ k: string }>(
            await db.execute(sql`select idempotency_key as k from email_deliveries
              where status = 'sent' and idempotency_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`),
          ).map((r) => r.k)
        : [],
    );
    // An address that stopped all email ("your data"), bounced or complained (Resend's webhook) is spared every
    // email that is not an answer it waits for (updates, rally notices); a confirmation or sign-in link still goes.
    const suppressed = await suppressedAmong(
      db,
      rendered.flatMap((r) => (r.outcome === "send" && r.suppressible ? [normalizeEmail(r.message!.to)] : [])),
    );
    const rows = rendered.map((r) =>
      r.outcome !== "send"
        ? r
        : sent.has(r.emailKey!)
          ? { ...r, outcome: "skipped" as const, message: null, reason: "already sent" }
          : r.suppressible && suppressed.has(normalizeEmail(r.message!.to))
            ? { ...r, outcome: "skipped" as const, message: null, reason: "the address stopped all email" }
            : r,
    );
    // One statement, and only while the batch is still unrendered: when two senders rendered it (the first one's
    // lease ran out mid-render), the first to store wins and both send exactly that (the same key, the same payload).
    await db.execute(sql`
      with ready as (update email_batches set state = 'ready' where id = ${batchId} and state = 'claimed' returning id)
      update email_batch_members m set email_key = r.email_key, template = r.template, message = r.message, outcome = r.outcome
      from ready, jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ position: r.position, email_key: r.emailKey, template: r.template, message: r.message && sealMessage(r.message), outcome: r.outcome })))}::jsonb)
        as r(position smallint, email_key text, template text, message jsonb, outcome text)
      where m.batch_id = ready.id and m.position = r.position`);
    for (const r of rows) if (r.outcome === "failed") console.error(`[mail] ${r.template ?? "email"} ${r.emailKey ?? ""}: ${r.reason}`);
  }

  /**
   * Every member rendered, in order: a kind with `renderMany` (update emails) reads what its emails need in one
   * query for the whole batch; any other kind renders each email (ten at a time: each reads its row). The template
   * work is cached either way (renderEmail).
   */
  async function renderMembers(members: Array<{ position: number; outbox_id: string; kind: string; payload: unknown }>) {
    const out: Array<{ position: number } & Rendered> = new Array(members.length);
    const parsed: unknown[] = new Array(members.length);
    const together = new Map<EmailKind, number[]>();
    const alone: number[] = [];
    for (const [i, m] of members.entries()) {
      const result = isEmailKind(m.kind) ? emailKinds[m.kind].payload.safeParse(m.payload) : null;
      if (!result?.success) {
        out[i] = { position: m.position, ...failed(m.kind, m.outbox_id, result ? "payload does not match its schema" : `unknown kind ${m.kind}`) };
        continue;
      }
      parsed[i] = result.data;
      const kind = m.kind as EmailKind;
      if (emailKinds[kind].renderMany) together.set(kind, [...(together.get(kind) ?? []), i]);
      else alone.push(i);
    }
    for (const [kind, indexes] of together) {
      const def = emailKinds[kind] as (typeof emailKinds)["campaign-update"];
      const emails = await def.renderMany!(db, indexes.map((i) => ({ payload: parsed[i] as KindPayload<"campaign-update">, id: members[i]!.outbox_id })));
      for (const [j, i] of indexes.entries()) out[i] = { position: members[i]!.position, ...(await finishOne(kind, parsed[i], members[i]!.outbox_id, emails[j]!)) };
    }
    for (let c = 0; c < alone.length; c += 10) {
      await Promise.all(
        alone.slice(c, c + 10).map(async (i) => {
          const m = members[i]!;
          const def = emailKinds[m.kind as EmailKind] as (typeof emailKinds)["signature-confirmation"];
          let email: RenderedEmail | Skip;
          try {
            email = await def.render(db, parsed[i] as KindPayload<"signature-confirmation">, { id: m.outbox_id });
          } catch (error) {
            // A recipient's sealed address or name that does not open (tampered): this email fails, the batch goes on.
            if (!(error instanceof PersonalDataError)) throw error;
            out[i] = { position: m.position, ...failed(m.kind, m.outbox_id, error.message) };
            return;
          }
          out[i] = { position: m.position, ...(await finishOne(m.kind as EmailKind, parsed[i], m.outbox_id, email)) };
        }),
      );
    }
    return out;
  }

  /** One email's rendered parts, checked as sendable (or why it is skipped or failed). */
  async function finishOne(kind: EmailKind, payload: unknown, id: string, email: RenderedEmail | Skip): Promise<Rendered> {
    if (isSkip(email)) return { outcome: "skipped", emailKey: `${kind}/${id}`, template: kind, message: null, reason: email.skip };
    const { html, text } = await renderEmail(email);
    const checked = message.safeParse({ to: email.to, subject: email.subject, html, text, headers: email.headers });
    if (!checked.success) return { ...failed(kind, id, `not sendable: ${checked.error.issues.map((i) => i.path.join(".")).join(", ")}`), emailKey: email.idempotencyKey, template: email.template };
    const suppressible = isSuppressible(kind, payload as Record<string, unknown>);
    return { outcome: "send", emailKey: email.idempotencyKey, template: email.template, message: checked.data, reason: null, suppressible };
  }

  /** The stored emails of a batch, as every try sends them. */
  async function loadRequest(batchId: string) {
    const rows = rowsOf<{ position: number; email_key: string; message: string | Omit<OutgoingEmail, "key"> }>(
      await db.execute(sql`select position, email_key, message from email_batch_members
        where batch_id = ${batchId} and outcome = 'send' order by position`),
    );
    return rows.map((r) => ({ ...r, message: openMessage(r.message) }));
  }

  /** Records the answer: a delivery row per email, each outbox row's state, the batch done (once). */
  async function finish(batchId: string, results: Map<number, { id: string } | { error: string }>): Promise<void> {
    const answers = [...results].map(([position, r]) => ({ position, id: "id" in r ? r.id : null, error: "error" in r ? r.error.slice(0, 500) : null }));
    await db.transaction(async (tx) => {
      const [done] = rowsOf(await tx.execute(sql`update email_batches set state = 'done', sent_at = clock_timestamp() where id = ${batchId} and state <> 'done' returning id`));
      if (!done) return; // another sender recorded it first
      await tx.execute(sql`
        with r as (select * from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) as r(position smallint, id text, error text)),
        m as (
          select m.outbox_id, m.email_key, coalesce(m.template, o.kind) as template, o.kind, o.id as oid,
            case when m.outcome = 'skipped' then 'skipped' when m.outcome = 'failed' or r.error is not null or r.position is null then 'failed' else 'sent' end as status,
            r.id as provider_id, case when m.outcome = 'failed' then 'could not be rendered or sent' else r.error end as error
          from email_batch_members m join email_outbox o on o.id = m.outbox_id left join r on r.position = m.position
          where m.batch_id = ${batchId}
        ), d as (
          insert into email_deliveries (idempotency_key, template, status, provider_id, error, batch_id)
          select coalesce(email_key, kind || '/' || oid), template, status, provider_id, error, ${batchId}::uuid from m
          on conflict (idempotency_key) do nothing
        )
        update email_outbox o set state = m.status, done_at = clock_timestamp() from m where o.id = m.outbox_id`);
      await tx.execute(sql`update email_batch_members set message = null where batch_id = ${batchId}`);
    });
  }

  /** The provider refused the whole request: one email alone fails for good; more are split in two batches. */
  async function split(batchId: string, request: { position: number }[], reason: string): Promise<void> {
    if (request.length <= 1) {
      console.error(`[mail] batch ${batchId}: the provider refused its one email: ${reason}`);
      return finish(batchId, new Map(request.map((r) => [r.position, { error: reason }])));
    }
    const half = Math.ceil(request.length / 2);
    const halves = [request.slice(0, half), request.slice(half)].map((h) => h.map((r) => r.position));
    await db.transaction(async (tx) => {
      const [claimed] = rowsOf(await tx.execute(sql`update email_batches set state = 'done', last_error = ${reason} where id = ${batchId} and state <> 'done' returning id`));
      if (!claimed) return;
      for (const positions of halves) {
        await tx.execute(sql`
          with child as (insert into email_batches (state, lease_until, parent_id) values ('ready', clock_timestamp(), ${batchId}) returning id),
          moved as (
            insert into email_batch_members (batch_id, position, outbox_id, email_key, template, message, outcome)
            select child.id, m.position, m.outbox_id, m.email_key, m.template, m.message, m.outcome from email_batch_members m, child
            where m.batch_id = ${batchId} and m.position in (select jsonb_array_elements_text(${JSON.stringify(positions)}::jsonb)::smallint)
          )
          update email_outbox set batch_id = (select id from child)
          where id in (select outbox_id from email_batch_members where batch_id = ${batchId}
                       and position in (select jsonb_array_elements_text(${JSON.stringify(positions)}::jsonb)::smallint))`);
      }
      // The skipped members stay with the parent, which records them.
      await tx.execute(sql`delete from email_batch_members where batch_id = ${batchId} and outcome = 'send'`);
      await tx.execute(sql`
        with m as (select m.outbox_id, m.email_key, coalesce(m.template, o.kind) as template, o.kind, o.id as oid, m.outcome from email_batch_members m
                   join email_outbox o on o.id = m.outbox_id where m.batch_id = ${batchId}),
        d as (insert into email_deliveries (idempotency_key, template, status, error, batch_id)
              select coalesce(email_key, kind || '/' || oid), template, case when outcome = 'skipped' then 'skipped' else 'failed' end,
                     case when outcome = 'skipped' then null else 'could not be rendered' end, ${batchId}::uuid from m
              on conflict (idempotency_key) do nothing)
        update email_outbox o set state = case when m.outcome = 'skipped' then 'skipped' else 'failed' end, done_at = clock_timestamp()
        from m where o.id = m.outbox_id`);
    });
  }

  async function retryLater(batch: Claimed, reason: string, burn: boolean): Promise<void> {
    const attempts = batch.attempts + (burn ? 1 : 0);
    if (attempts >= maxAttempts) {
      console.error(`[mail] batch ${batch.id}: giving up after ${attempts} tries: ${reason}`);
      const request = await loadRequest(batch.id);
      return finish(batch.id, new Map(request.map((r) => [r.position, { error: `gave up: ${reason}` }])));
    }
    const delay = burn ? Math.min(retryBaseMs * 2 ** (attempts - 1), 600_000) : 0;
    await db.execute(sql`update email_batches set attempts = ${attempts}, last_error = ${reason}, lease_until = clock_timestamp() + ${ms(delay)}
      where id = ${batch.id}`);
  }

  async function halt(reason: string): Promise<void> {
    console.error(`[mail] !!! THE PROVIDER REFUSED OUR API KEY — no email is being sent. Check RESEND_API_KEY. (${reason})`);
    await db.execute(sql`update mail_throttle set halted_until = clock_timestamp() + ${ms(haltMs)}, halted_reason = ${reason},
      halted_at = coalesce(halted_at, clock_timestamp()) where id = 1`);
  }

  /**
   * Sends a batch in hand (rendered if it is not yet) at its request slot (`slotAt`, ms epoch), or at a new one
   * when it has none or rendering overran it: a request never goes later than a quarter slot after its time, so
   * the requests of every process stay spaced as the budget says.
   */
  async function work(batch: Claimed, slotAt: number | null, claimedAt = Date.now()): Promise<void> {
    const rendering = batch.state === "claimed";
    if (rendering) await renderBatch(batch.id);
    const request = await loadRequest(batch.id);
    if (rendering && slotAt !== null) measureLead(Date.now() - claimedAt);
    if (request.length === 0) return finish(batch.id, new Map());
    let wait: number | null = slotAt === null || Date.now() > slotAt + spacingMs / 4 ? null : Math.max(0, slotAt - Date.now());
    for (;;) {
      if (wait === null) wait = await reserveSlot(true);
      if (wait === null) return retryLater(batch, "sending halted", false); // a refused key: wait without burning tries
      if (wait > 0) {
        await db.execute(sql`update email_batches set lease_until = greatest(lease_until, clock_timestamp() + ${ms(wait + leaseMs)}) where id = ${batch.id}`);
        await sleep(wait, abort.signal);
      }
      if (abort.signal.aborted) {
        // Stopping before the request: hand the batch back at once (a restarted or another sender sends exactly it,
        // same key, same payload) instead of holding it until its lease, extended to the slot, runs out.
        await db.execute(sql`update email_batches set lease_until = clock_timestamp() where id = ${batch.id} and state <> 'done'`);
        return;
      }
      const answer: BatchAnswer = await sendBatch(
        db,
        request.map((r) => ({ ...r.message, key: r.email_key })),
        `batch/${batch.id}`,
      ).catch((error: unknown) => ({ kind: "temporary" as const, message: describeError(error) }));
      switch (answer.kind) {
        case "sent":
          await finish(batch.id, new Map(request.map((r, i) => [r.position, answer.results[i] ?? { error: "no answer" }])));
          await db.execute(sql`update mail_throttle set halted_at = null, halted_reason = null, halted_until = null where id = 1 and halted_at is not null`);
          return;
        case "rate_limited":
          // The provider's budget is shared: everyone waits out its retry-after, then this batch goes again.
          await db.execute(sql`update mail_throttle set next_at = greatest(next_at, clock_timestamp() + ${ms(answer.retryAfterMs)}) where id = 1`);
          wait = null;
          continue;
        case "unauthorized":
          await halt(answer.message);
          return retryLater(batch, answer.message, false);
        case "refused":
          return split(batch.id, request, answer.message);
        case "temporary":
          console.error(`[mail] batch ${batch.id}: ${answer.message}; will retry`);
          return retryLater(batch, answer.message, true);
      }
    }
  }

  async function loop(index: number): Promise<void> {
    while (!abort.signal.aborted) {
      try {
        const old = await takeOver();
        if (old) {
          await work(old, null);
          continue;
        }
        const wait = await reserveSlot(false);
        if (wait === null) {
          await sleep(index === 0 ? idleMs : idleMs * 4, abort.signal);
          continue;
        }
        // Claim as late as we can (the batch fills while we wait), but render before the slot comes.
        const slotAt = Date.now() + wait;
        await sleep(wait - leadMs(), abort.signal);
        if (abort.signal.aborted) return;
        const claimedAt = Date.now();
        const batch = await claimNew();
        if (batch) await work(batch, slotAt, claimedAt);
        else await sleep(idleMs, abort.signal); // another sender took that mail
      } catch (error) {
        if (abort.signal.aborted) return;
        console.error(`[mail] sender: ${describeError(error)}`);
        await sleep(1000, abort.signal);
      }
    }
  }

  const running = Array.from({ length: loops }, (_, i) => loop(i));
  return {
    async stop() {
      abort.abort();
      await Promise.allSettled(running);
    },
  };
}

/** For the dashboard: when the provider refused our key, since when and why. */
export async function mailHalt(db: Db): Promise<{ since: Date; reason: string } | null> {
  const [row] = rowsOf<{ halted_at: Date | string | null; halted_reason: string | null }>(
    await db.execute(sql`select halted_at, halted_reason from mail_throttle where id = 1`),
  );
  return row?.halted_at ? { since: new Date(row.halted_at), reason: row.halted_reason ?? "" } : null;
}
