import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

/** Mail kept for a person to read in the browser when no provider is configured (embedded default only). */
export const devMailbox = pgTable("dev_mailbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  to: text("to").notNull(),
  from: text("from").notNull(),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
  createdAt: createdAt(),
});

/** What became of each email we tried to send. Keyed by the idempotency key; holds no address. */
export const emailDeliveries = pgTable("email_deliveries", {
  idempotencyKey: text("idempotency_key").primaryKey(),
  template: text("template").notNull(),
  status: text("status", { enum: ["sent", "failed", "skipped"] }).notNull(),
  providerId: text("provider_id"),
  /** The batch (provider request) it went in. */
  batchId: uuid("batch_id"),
  attempts: smallint("attempts").notNull().default(1),
  error: text("error"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Every email to send, one row each, inserted in the transaction of the change that causes it (lib/email/outbox.ts).
 * `kind` names its entry in lib/email/kinds.ts, which validates `payload` and renders it; `priority` 0 is
 * transactional (confirmations, sign-in links), 1 bulk. A batch (below) takes it: `queued` → `batched` → `sent` /
 * `failed` / `skipped`. The payload holds ids, never an address in clear (a sign-in link's is sealed).
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    priority: smallint("priority").notNull().default(0),
    state: text("state", { enum: ["queued", "batched", "sent", "failed", "skipped"] }).notNull().default("queued"),
    batchId: uuid("batch_id"),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_ready_idx").on(t.priority, t.createdAt).where(sql`${t.state} = 'queued'`),
    index("email_outbox_batch_idx").on(t.batchId),
    /** Mail not yet done, by kind: "has this update's every email left?" without scanning the history. */
    index("email_outbox_open_idx").on(t.kind).where(sql`${t.state} in ('queued', 'batched')`),
    check("email_outbox_state_check", sql`${t.state} in ('queued', 'batched', 'sent', 'failed', 'skipped')`),
  ],
);

/**
 * One provider request. Its members are fixed when it is created, and their rendered emails are stored before
 * the first send, so every retry (after a crash, a 5xx, a 429) carries the same idempotency key
 * (`batch/<id>`) and exactly the same payload. `lease_until`: the sender working on it; once past, another
 * process takes it over. `claimed` → (rendered) `ready` → `done`.
 */
export const emailBatches = pgTable(
  "email_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    state: text("state", { enum: ["claimed", "ready", "done"] }).notNull().default("claimed"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Split from this batch after the provider refused the whole request (422). */
    parentId: uuid("parent_id"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_batches_open_idx").on(t.leaseUntil).where(sql`${t.state} <> 'done'`),
    check("email_batches_state_check", sql`${t.state} in ('claimed', 'ready', 'done')`),
  ],
);

/**
 * A batch's emails, in request order. The rendered email (address, names, links) is kept sealed
 * (db/personal-data.ts, `email_batch_members.message`) until the batch is done, then cleared.
 */
export const emailBatchMembers = pgTable(
  "email_batch_members",
  {
    batchId: uuid("batch_id").notNull().references(() => emailBatches.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    outboxId: uuid("outbox_id").notNull().references(() => emailOutbox.id, { onDelete: "cascade" }),
    /** Null until rendered; then the email's own key (what deduplicates it across batches). */
    emailKey: text("email_key"),
    template: text("template"),
    /** The rendered email as JSON, sealed: a JSON string `v1.<keyId>.…` (opened by the sender just before the request). */
    message: jsonb("message").$type<string>(),
    /** Set when rendering decided not to send (and why), or the email failed before the request. */
    outcome: text("outcome", { enum: ["send", "skipped", "failed"] }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.position] }), index("email_batch_members_outbox_idx").on(t.outboxId)],
);

/**
 * The budget of provider requests shared by every process (one row): the next free request slot, and a stop
 * when the provider refused our key (401/403) until `halted_until`.
 */
export const mailThrottle = pgTable("mail_throttle", {
  id: smallint("id").primaryKey(),
  nextAt: timestamp("next_at", { withTimezone: true }).notNull(),
  haltedUntil: timestamp("halted_until", { withTimezone: true }),
  haltedReason: text("halted_reason"),
  haltedAt: timestamp("halted_at", { withTimezone: true }),
});
