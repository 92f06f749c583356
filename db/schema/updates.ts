import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { createdAt, updatedAt } from "./columns";
import { emailOutbox } from "./mail";
import { subscribers } from "./subscribers";

export const updateStates = ["draft", "scheduled", "sending", "paused", "cancelled", "sent"] as const;

/**
 * A campaign's update to its subscribers (lib/updates/state.ts): written per locale (`update_texts`), sent once.
 * The fan-out (lib/updates/fan-out.ts) pages through the subscribers by id: `fanout_cursor` is the last id whose
 * delivery row and email are committed, moved in the same transaction as each page, so a killed process resumes
 * where the last page ended. `fanout_lease_until`: the process working on it; once past, another takes over.
 */
export const campaignUpdates = pgTable(
  "campaign_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    state: text("state", { enum: updateStates }).notNull().default("draft"),
    /** The language of subscribers whose own the update is not written in; it must have a title and a body. */
    defaultLocale: text("default_locale").notNull().default("ru"),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    /** When sending began (the frequency guard counts these). */
    startedAt: timestamp("started_at", { withTimezone: true }),
    /** When every email was handed to the provider (or failed); the public pages show it from then on. */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Deliverable subscribers when sending began: the "total" of the progress bar. */
    recipientsTotal: integer("recipients_total"),
    fanoutCursor: uuid("fanout_cursor"),
    fanoutDoneAt: timestamp("fanout_done_at", { withTimezone: true }),
    fanoutLeaseUntil: timestamp("fanout_lease_until", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("campaign_updates_campaign_idx").on(t.campaignId, t.createdAt),
    index("campaign_updates_due_idx").on(t.state).where(sql`${t.state} in ('scheduled', 'sending')`),
    check("campaign_updates_state_check", sql`${t.state} in ('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'sent')`),
  ],
);

/** An update's title and Markdown body in one locale; a locale without a row falls back to the campaign default. */
export const updateTexts = pgTable(
  "update_texts",
  {
    updateId: uuid("update_id")
      .notNull()
      .references(() => campaignUpdates.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.locale] })],
);

/**
 * One row per (update, subscriber): the exactly-once guarantee. Inserted with its email (`outbox_id`) in one
 * transaction; a page replayed after a crash or a resume conflicts here and enqueues nothing twice.
 * No address: the subscriber's row has it. `locale`: the language the email was written in.
 */
export const updateDeliveries = pgTable(
  "update_deliveries",
  {
    updateId: uuid("update_id")
      .notNull()
      .references(() => campaignUpdates.id, { onDelete: "cascade" }),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    outboxId: uuid("outbox_id").references(() => emailOutbox.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.subscriberId] }), index("update_deliveries_outbox_idx").on(t.outboxId)],
);
