import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { petitions } from "./petitions";

/**
 * Fixed-window counters for rate limits, shared by every app process. `key` is a keyed hash (never an
 * address or an email in clear); a row lives as long as its window, and is deleted when its key comes back.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key, t.windowStart] })],
);

export const abuseRuleKinds = ["block", "allow"] as const;
/** `client`: one client address known only by its keyed hash (blocked from a flag: lib/abuse/flags.ts). */
export const abuseRuleTypes = ["cidr", "domain", "email", "client"] as const;

/**
 * Block and allow lists (admins; lib/abuse/rules.ts). A `cidr` or `domain` rule keeps its pattern (`10.0.0.0/8`,
 * `example.org`, `*.example.org`, `**.example.org`); an `email` rule keeps only a keyed hash of the address and a
 * masked form to show ("a•••@example.org"), never the address.
 */
export const abuseRules = pgTable(
  "abuse_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: abuseRuleKinds }).notNull(),
    type: text("type", { enum: abuseRuleTypes }).notNull(),
    pattern: text("pattern").notNull(),
    display: text("display").notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("abuse_rules_kind_type_pattern_uq").on(t.kind, t.type, t.pattern),
    check("abuse_rules_kind_check", sql`${t.kind} in ('block', 'allow')`),
    check("abuse_rules_type_check", sql`${t.type} in ('cidr', 'domain', 'email', 'client')`),
  ],
);

export const abuseFlagKinds = ["client", "domain"] as const;

/**
 * The hourly flag job's findings (lib/abuse/flags.ts): a client (address-hash) or an email domain with at least
 * FLAG_THRESHOLD confirmed signatures on one petition within one hour (a sliding hour, `window_start` to an
 * hour later). One row per burst: a later run does not flag the same subject for an overlapping hour again.
 * An admin blocks from it or dismisses it.
 */
export const abuseFlags = pgTable(
  "abuse_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: abuseFlagKinds }).notNull(),
    /** The address-hash or the domain: never an address. */
    subject: text("subject").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    signatures: integer("signatures").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolution: text("resolution", { enum: ["blocked", "dismissed"] }),
  },
  (t) => [
    uniqueIndex("abuse_flags_subject_uq").on(t.petitionId, t.kind, t.subject, t.windowStart),
    index("abuse_flags_open_idx").on(t.resolvedAt, t.createdAt),
    check("abuse_flags_kind_check", sql`${t.kind} in ('client', 'domain')`),
    check("abuse_flags_resolution_check", sql`${t.resolution} is null or ${t.resolution} in ('blocked', 'dismissed')`),
  ],
);

/**
 * Proof-of-work challenges already spent (lib/abuse/proof-of-work.ts): the hash of each accepted solution's
 * challenge until the challenge would have expired anyway, so a solution works once, on any process.
 */
export const powSpent = pgTable(
  "pow_spent",
  {
    challenge: text("challenge").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pow_spent_expires_idx").on(t.expiresAt)],
);
