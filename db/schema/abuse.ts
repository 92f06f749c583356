import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
export const abuseRuleTypes = ["cidr", "domain", "email"] as const;

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
    check("abuse_rules_type_check", sql`${t.type} in ('cidr', 'domain', 'email')`),
  ],
);
