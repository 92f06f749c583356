import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { petitions } from "./petitions";
import { createdAt, updatedAt } from "./columns";
import { locales } from "@/lib/i18n/locales";

export const signatureStates = ["pending", "confirmed", "invalidated", "fraudulent", "withdrawn"] as const;

/**
 * Personal data: read and written only through db/queries/signatures.ts.
 * No IP address is stored: only `client_hash`, a keyed hash of it (lib/abuse/rate-limit.ts), for the limits.
 */
export const signatures = pgTable(
  "signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    /** Blind index of the normalized address (db/personal-data.ts `emailIndex`): the dedupe key; `erased:<id>` once anonymised. */
    emailIndex: text("email_index"),
    /** The address and the name, sealed (AES-256-GCM, db/personal-data.ts). */
    emailSealed: text("email_sealed"),
    nameSealed: text("name_sealed"),
    /** The address's domain in clear: the hourly domain flags and bulk invalidation by domain need it (README). */
    emailDomain: text("email_domain"),
    /**
     * Before encryption at rest: the address and name in clear. Null on every row written since; rows from before
     * are sealed at start-up (db/seal-legacy.ts) and these columns go in a later migration.
     */
    legacyEmail: text("email_normalized"),
    legacyName: text("name"),
    locale: text("locale", { enum: locales }).notNull(),
    state: text("state", { enum: signatureStates }).notNull().default("pending"),
    consentUpdates: boolean("consent_updates").notNull().default(false),
    consentUpdatesAt: timestamp("consent_updates_at", { withTimezone: true }),
    consentWordingVersion: text("consent_wording_version"),
    showNamePublicly: boolean("show_name_publicly").notNull().default(false),
    /** "Include my name in what is delivered to <target>": a consent of its own, never implied by the others. */
    consentDelivery: boolean("consent_delivery").notNull().default(false),
    consentDeliveryAt: timestamp("consent_delivery_at", { withTimezone: true }),
    consentDeliveryWordingVersion: text("consent_delivery_wording_version"),
    /** Set when an organizer hid this name from the public list of signers (the signature still counts). */
    nameHiddenAt: timestamp("name_hidden_at", { withTimezone: true }),
    /** Random; the link's token is HMAC(key, nonce) with a key outside the database. */
    tokenNonce: text("token_nonce").notNull(),
    /** SHA-256 of the token, to find the signature a link points at. */
    tokenHash: text("token_hash").notNull(),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }).notNull(),
    confirmationEmailsSent: smallint("confirmation_emails_sent").notNull().default(0),
    /** HMAC of the signer's address with a key derived from the secret (never the address): the per-client limits. */
    clientHash: text("client_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("signatures_petition_email_uq").on(t.petitionId, t.emailIndex),
    uniqueIndex("signatures_token_hash_uq").on(t.tokenHash),
    index("signatures_petition_state_idx").on(t.petitionId, t.state, t.confirmedAt),
    // The public list of signers: newest first, only names their owners let be shown and nobody hid.
    index("signatures_public_names_idx")
      .on(t.petitionId, t.confirmedAt.desc(), t.id.desc())
      .where(sql`${t.state} = 'confirmed' and ${t.showNamePublicly} and ${t.nameHiddenAt} is null`),
    // The per-client limits count a client's recent signatures on a petition, inside the signing statement.
    index("signatures_petition_client_idx").on(t.petitionId, t.clientHash, t.createdAt).where(sql`${t.clientHash} is not null`),
    check(
      "signatures_state_check",
      sql`${t.state} in ('pending', 'confirmed', 'invalidated', 'fraudulent', 'withdrawn')`,
    ),
    // Rows still in clear (db/seal-legacy.ts finds them at every start without reading the table): empty once sealed.
    index("signatures_legacy_idx").on(t.id).where(sql`${t.legacyEmail} is not null or ${t.legacyName} is not null`),
    check("signatures_address_check", sql`${t.emailIndex} is not null or ${t.legacyEmail} is not null`),
    check("signatures_locale_check", sql`${t.locale} in ('ru', 'kk', 'en')`),
    check("signatures_emails_sent_check", sql`${t.confirmationEmailsSent} between 0 and 3`),
  ],
);
