import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type Localized, locales, timeZone } from "@/lib/i18n/locales";
import { campaigns } from "./campaigns";
import { createdAt, localized, updatedAt } from "./columns";

export const rallyStates = ["draft", "announced", "changed", "held", "cancelled"] as const;
export const permitStatuses = ["filed", "agreed", "refused", "not_required"] as const;
/** `fraudulent`: over a client's limits or blocked (lib/abuse/screen-client.ts): kept, never emailed, never counted. */
export const rsvpStates = ["pending", "confirmed", "waitlisted", "cancelled", "fraudulent"] as const;
/** The emails a rally sends to one attendee; each at most once per (attendee, kind, key). */
export const rallyNoticeKinds = ["registered", "waitlisted", "promoted", "day_before", "day_of", "changed", "cancelled"] as const;

export type RallyPlace = { address: Localized; latitude: number | null; longitude: number | null; mapUrl: string | null };
export type RallyWhen = { startsAt: string; endsAt: string };

export const rallies = pgTable(
  "rallies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    state: text("state", { enum: rallyStates }).notNull().default("draft"),
    title: localized("title"),
    description: localized("description"),
    /** Stored in UTC; entered and shown in `time_zone` (an IANA name, the campaign's: Asia/Almaty). */
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull().default(timeZone),
    address: localized("address"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** A plain https link to a map; no embedded map, no tiles. */
    mapUrl: text("map_url"),
    permitStatus: text("permit_status", { enum: permitStatuses }).notNull().default("filed"),
    permitDate: date("permit_date"),
    permitNote: localized("permit_note"),
    safetyNote: localized("safety_note"),
    accessibilityNote: localized("accessibility_note"),
    /** Only in the emails of confirmed attendees. */
    preparation: localized("preparation"),
    capacity: integer("capacity"),
    waitlist: boolean("waitlist").notNull().default(false),
    showAttendeeCount: boolean("show_attendee_count").notNull().default(false),
    report: jsonb("report").$type<Localized>(),
    /** The organizers' message in the cancellation notice, shown on the page too. */
    cancelNote: jsonb("cancel_note").$type<Localized>(),
    /** iCalendar SEQUENCE: rises with each change people are told about, and with the cancellation. */
    sequence: integer("sequence").notNull().default(0),
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    heldAt: timestamp("held_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("rallies_campaign_idx").on(t.campaignId, t.startsAt),
    check("rallies_state_check", sql`${t.state} in ('draft', 'announced', 'changed', 'held', 'cancelled')`),
    check("rallies_permit_check", sql`${t.permitStatus} in ('filed', 'agreed', 'refused', 'not_required')`),
    check("rallies_time_check", sql`${t.endsAt} > ${t.startsAt} and ${t.endsAt} <= ${t.startsAt} + interval '24 hours'`),
    check("rallies_capacity_check", sql`${t.capacity} is null or ${t.capacity} between 1 and 100000`),
    check("rallies_latitude_check", sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
    check("rallies_longitude_check", sql`${t.longitude} is null or ${t.longitude} between -180 and 180`),
    check("rallies_map_url_check", sql`${t.mapUrl} is null or ${t.mapUrl} like 'https://%'`),
  ],
);

/**
 * A change of time or place people are told about. Edits within the coalescing window merge into the one
 * open row (`notified_at` null); the sweep then tells everyone once and closes it.
 */
export const rallyChanges = pgTable(
  "rally_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rallyId: uuid("rally_id")
      .notNull()
      .references(() => rallies.id, { onDelete: "cascade" }),
    fields: jsonb("fields").$type<string[]>().notNull(),
    before: jsonb("before").$type<RallyWhen & RallyPlace>().notNull(),
    message: jsonb("message").$type<Localized>(),
    /** The rally's SEQUENCE once this change went out. */
    sequence: integer("sequence"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
  },
  (t) => [
    index("rally_changes_rally_idx").on(t.rallyId, t.createdAt),
    uniqueIndex("rally_changes_open_uq").on(t.rallyId).where(sql`${t.notifiedAt} is null`),
  ],
);

/**
 * Personal data: read and written only through db/queries/rsvps.ts. Walk-ins (added at check-in) have a
 * name and no address.
 */
export const rsvps = pgTable(
  "rsvps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rallyId: uuid("rally_id")
      .notNull()
      .references(() => rallies.id, { onDelete: "cascade" }),
    /** Blind index of the normalized address (db/personal-data.ts): the dedupe key; null for walk-ins. */
    emailIndex: text("email_index"),
    /** The address (null for walk-ins) and the name, sealed (db/personal-data.ts). */
    emailSealed: text("email_sealed"),
    nameSealed: text("name_sealed"),
    /** Before encryption at rest: null on every row written since; older rows are sealed at start-up (db/seal-legacy.ts). */
    legacyEmail: text("email_normalized"),
    legacyName: text("name"),
    locale: text("locale", { enum: locales }).notNull(),
    state: text("state", { enum: rsvpStates }).notNull().default("pending"),
    consentUpdates: boolean("consent_updates").notNull().default(false),
    consentUpdatesAt: timestamp("consent_updates_at", { withTimezone: true }),
    consentWordingVersion: text("consent_wording_version"),
    /** Random; the confirm and manage links are HMACs of it under two keys outside the database. */
    tokenNonce: text("token_nonce").notNull(),
    confirmTokenHash: text("confirm_token_hash").notNull(),
    manageTokenHash: text("manage_token_hash").notNull(),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }).notNull(),
    confirmationEmailsSent: smallint("confirmation_emails_sent").notNull().default(0),
    walkIn: boolean("walk_in").notNull().default(false),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** When a place was asked for and none was free: the waitlist's order. */
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    stillComingAt: timestamp("still_coming_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("rsvps_rally_email_uq").on(t.rallyId, t.emailIndex),
    uniqueIndex("rsvps_confirm_token_uq").on(t.confirmTokenHash),
    uniqueIndex("rsvps_manage_token_uq").on(t.manageTokenHash),
    index("rsvps_rally_state_idx").on(t.rallyId, t.state, t.waitlistedAt),
    index("rsvps_legacy_idx").on(t.id).where(sql`${t.legacyEmail} is not null or ${t.legacyName} is not null`),
    check("rsvps_state_check", sql`${t.state} in ('pending', 'confirmed', 'waitlisted', 'cancelled', 'fraudulent')`),
    check("rsvps_locale_check", sql`${t.locale} in ('ru', 'kk', 'en')`),
    check("rsvps_emails_sent_check", sql`${t.confirmationEmailsSent} between 0 and 3`),
    check("rsvps_address_check", sql`${t.walkIn} or ${t.emailIndex} is not null or ${t.legacyEmail} is not null`),
  ],
);

/**
 * Each notice one attendee got, once: the primary key is the dedupe, so a sweep run twice, a restart or a
 * second worker cannot send it again. The row and its email job commit together.
 */
export const rallyNotices = pgTable(
  "rally_notices",
  {
    rsvpId: uuid("rsvp_id")
      .notNull()
      .references(() => rsvps.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: rallyNoticeKinds }).notNull(),
    /** Tells notices of one kind apart: the change's id for `changed`, "" otherwise. */
    key: text("key").notNull().default(""),
    rallyId: uuid("rally_id")
      .notNull()
      .references(() => rallies.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.rsvpId, t.kind, t.key] }),
    index("rally_notices_rally_idx").on(t.rallyId, t.kind),
    check("rally_notices_kind_check", sql`${t.kind} in ('registered', 'waitlisted', 'promoted', 'day_before', 'day_of', 'changed', 'cancelled')`),
  ],
);
