import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Localized } from "@/lib/i18n/locales";
import { campaigns } from "./campaigns";
import { createdAt, localized, updatedAt } from "./columns";

export const petitionStates = ["draft", "published", "closed", "delivered", "archived"] as const;

export const petitions = pgTable(
  "petitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    state: text("state", { enum: petitionStates }).notNull().default("draft"),
    target: localized("target"),
    title: localized("title"),
    summary: localized("summary"),
    body: localized("body"),
    goal: integer("goal").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }),
    deliveryNote: jsonb("delivery_note").$type<Localized>(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** When it was archived: its signers' personal data is anonymised ARCHIVE_ANONYMISE_MONTHS later (lib/retention). */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("petitions_campaign_idx").on(t.campaignId),
    check("petitions_state_check", sql`${t.state} in ('draft', 'published', 'closed', 'delivered', 'archived')`),
    check("petitions_goal_check", sql`${t.goal} > 0`),
  ],
);

/**
 * Confirmed-signature count, spread over shards so a viral petition does not serialize on one row.
 * The count is the sum of a petition's shards; a periodic recount folds them back into shard 0.
 * `named`: how many of them are on the public list of names (confirmed, "show my name", not hidden by an
 * organizer), counted the same way, so the petition page never counts a million rows.
 */
export const petitionCountShards = pgTable(
  "petition_count_shards",
  {
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    shard: smallint("shard").notNull(),
    confirmed: integer("confirmed").notNull().default(0),
    named: integer("named").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.shard] })],
);

/**
 * Petitions whose confirmed or public-name figures may have moved since the last recount: one row per change,
 * appended by triggers on `signatures` (a row confirmed, unconfirmed or deleted while confirmed, a name shown or
 * hidden; custom SQL in migration 0016) — whatever wrote it, the app's own operations or SQL around them. The
 * 5-minute recount (db/queries/signatures.ts) takes the rows it can see and recounts only those petitions.
 * Append-only and without an index or key, so marking costs a confirmation one small insert and waits on nobody.
 */
export const petitionRecountMarks = pgTable("petition_recount_marks", {
  petitionId: uuid("petition_id").notNull(),
  markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
});
