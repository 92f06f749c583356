import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { locales } from "@/lib/i18n/locales";

/**
 * The tables of @auth/drizzle-adapter (users, accounts, sessions, verification tokens) with our columns added.
 * Nobody signs up: a user row exists only because an admin invited the person (or `npm run admin:add`).
 */
export const userRoles = ["admin", "organizer"] as const;
export type UserRole = (typeof userRoles)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email").notNull().unique(),
    emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
    image: text("image"),
    role: text("role", { enum: userRoles }).notNull().default("organizer"),
    /** The language of their sign-in and invitation emails until they pick another. */
    locale: text("locale", { enum: locales }).notNull().default("ru"),
    /** Removed organizers keep their row (the audit log points at it) but cannot sign in. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_role_check", sql`${t.role} in ('admin', 'organizer')`),
    check("users_locale_check", sql`${t.locale} in ('ru', 'kk', 'en')`),
    check("users_email_normalized_check", sql`${t.email} = lower(btrim(${t.email}))`),
  ],
);

/** OAuth accounts. Unused while email links are the only way in; kept so the adapter is complete. */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Database sessions. `session_token` holds the SHA-256 of the cookie value, never the value (lib/auth/adapter.ts). */
export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
    /** When this session passed the second factor (admins: required in production). */
    secondFactorAt: timestamp("second_factor_at", { mode: "date", withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A TOTP authenticator per person. The secret is sealed (AES-256-GCM, key derived from the master secret), so a
 * copy of the database alone cannot produce codes. `enabledAt` is null until the first code proves the app has
 * it; `lastTimeStep` refuses a code used once from being used again (replay), across processes.
 */
export const secondFactors = pgTable("second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  totpSecret: text("totp_secret").notNull(),
  /** Sealed JSON list of recovery codes shown to the person until they say they saved them; then only hashes. */
  pendingRecoveryCodes: text("pending_recovery_codes"),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastTimeStep: bigint("last_time_step", { mode: "number" }),
  createdAt: createdAt(),
});

/** One-time recovery codes, shown once; only a keyed hash is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Sign-in links. Auth.js stores SHA-256(token + secret); the adapter deletes a row when it is used. */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
