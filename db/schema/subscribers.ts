import { sql } from "drizzle-orm";
import { check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { locales } from "@/lib/i18n/locales";
import { campaigns } from "./campaigns";
import { createdAt, updatedAt } from "./columns";

/** pending → confirmed → unsubscribed; suppressed when the provider reported the address bounced or complained. */
export const subscriberStates = ["pending", "confirmed", "unsubscribed", "suppressed"] as const;
/** Where the consent was given: the sign form's "send me updates" box, the standalone "get updates" form, an RSVP. */
export const subscriberSources = ["sign_form", "standalone", "rsvp"] as const;
/** `requested`: the person pressed "stop all email" on their "your data" page (lib/your-data/stop-all-email.ts). */
export const suppressionReasons = ["bounce", "complaint", "requested"] as const;

/**
 * People who asked for a campaign's updates. Personal data: read and written only through
 * db/queries/subscribers.ts, which seals the address (db/personal-data.ts). One row per (campaign, address).
 * Links: `token_nonce` is random; the confirmation and preferences tokens are HMAC(key of their purpose, nonce)
 * with keys derived from AUTH_SECRET (lib/confirmations/tokens.ts); only their SHA-256 is stored, to find the row.
 */
export const subscribers = pgTable(
  "subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** Blind index of the normalized address (db/personal-data.ts): the dedupe key. */
    emailIndex: text("email_index"),
    /** The address, sealed (db/personal-data.ts). */
    emailSealed: text("email_sealed"),
    /** Before encryption at rest: null on every row written since; older rows are sealed at start-up (db/seal-legacy.ts). */
    legacyEmail: text("email_normalized"),
    locale: text("locale", { enum: locales }).notNull(),
    state: text("state", { enum: subscriberStates }).notNull().default("pending"),
    source: text("source", { enum: subscriberSources }).notNull(),
    /** When the consent behind the current state was given, and the version of the wording it was given to. */
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull().defaultNow(),
    consentWordingVersion: text("consent_wording_version").notNull(),
    tokenNonce: text("token_nonce").notNull(),
    confirmTokenHash: text("confirm_token_hash").notNull(),
    manageTokenHash: text("manage_token_hash").notNull(),
    /** The confirmation link works until then (only while pending). */
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }).notNull(),
    confirmationEmailsSent: smallint("confirmation_emails_sent").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("subscribers_campaign_email_uq").on(t.campaignId, t.emailIndex),
    uniqueIndex("subscribers_confirm_token_uq").on(t.confirmTokenHash),
    uniqueIndex("subscribers_manage_token_uq").on(t.manageTokenHash),
    // The fan-out's keyset pages: a campaign's confirmed subscribers by id.
    index("subscribers_deliverable_idx").on(t.campaignId, t.id).where(sql`${t.state} = 'confirmed'`),
    index("subscribers_email_idx").on(t.emailIndex),
    check("subscribers_state_check", sql`${t.state} in ('pending', 'confirmed', 'unsubscribed', 'suppressed')`),
    check("subscribers_source_check", sql`${t.source} in ('sign_form', 'standalone', 'rsvp')`),
    check("subscribers_locale_check", sql`${t.locale} in ('ru', 'kk', 'en')`),
    index("subscribers_legacy_idx").on(t.id).where(sql`${t.legacyEmail} is not null`),
    check("subscribers_address_check", sql`${t.emailIndex} is not null or ${t.legacyEmail} is not null`),
    check("subscribers_emails_sent_check", sql`${t.confirmationEmailsSent} between 0 and 3`),
  ],
);

/**
 * Addresses the provider reported as hard-bounced or complained about (Resend's webhooks), or whose owner asked for
 * no more email (their "your data" page): no campaign mails them again, and no rally notice goes to them
 * (lib/email/sender.ts). Keyed by the blind index of the normalized address (db/personal-data.ts), like subscribers:
 * the address itself is not here. Nothing about opens or clicks is kept.
 */
export const emailSuppressions = pgTable(
  "email_suppressions",
  {
    emailIndex: text("email_index").unique("email_suppressions_email_index_uq"),
    /** Before encryption at rest (the address in clear); null once sealed at start-up (db/seal-legacy.ts). */
    legacyEmail: text("email_normalized"),
    reason: text("reason", { enum: suppressionReasons }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("email_suppressions_reason_check", sql`${t.reason} in ('bounce', 'complaint', 'requested')`),
    check("email_suppressions_key_check", sql`${t.emailIndex} is not null or ${t.legacyEmail} is not null`),
  ],
);
