import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, localized, updatedAt } from "./columns";

/** A campaign goes public only once an admin approves it (lib/campaigns/state.ts). */
export const campaignStates = ["draft", "pending_review", "published"] as const;

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    state: text("state", { enum: campaignStates }).notNull().default("draft"),
    /** An admin's reason for refusing the last review, shown to its organizers until they submit it again. */
    reviewNote: text("review_note"),
    name: localized("name"),
    tagline: localized("tagline"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("campaigns_state_check", sql`${t.state} in ('draft', 'pending_review', 'published')`)],
);

/** The person the campaign defends. One per campaign. */
export const profiles = pgTable("profiles", {
  campaignId: uuid("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  name: localized("name"),
  role: localized("role"),
  residence: localized("residence"),
  dateOfBirth: date("date_of_birth"),
  article: localized("article"),
  nationality: localized("nationality"),
  citizenship: localized("citizenship"),
  education: localized("education"),
  health: localized("health"),
  summary: localized("summary"),
  biography: localized("biography"),
  portraitPath: text("portrait_path"),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

export const timelineEvents = pgTable(
  "timeline_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    occurredOn: date("occurred_on").notNull(),
    precision: text("precision", { enum: ["day", "month", "year"] }).notNull().default("day"),
    title: localized("title"),
    body: localized("body"),
    createdAt: createdAt(),
  },
  (t) => [
    index("timeline_events_campaign_idx").on(t.campaignId, t.occurredOn),
    check("timeline_events_precision_check", sql`${t.precision} in ('day', 'month', 'year')`),
  ],
);

export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    title: localized("title"),
    publisher: localized("publisher"),
    publishedOn: date("published_on"),
    url: text("url"),
    createdAt: createdAt(),
  },
  (t) => [index("sources_campaign_idx").on(t.campaignId)],
);
