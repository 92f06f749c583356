import { sql } from "drizzle-orm";
import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users, userRoles } from "./auth";
import { campaigns } from "./campaigns";
import { createdAt } from "./columns";

/** Who organizes which campaign. Admins need no row: they see every campaign. */
export const campaignMembers = pgTable(
  "campaign_members",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] }), index("campaign_members_user_idx").on(t.userId)],
);

/** Each time an admin invited someone: to which role and campaign, and whether they have signed in since. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    invitedBy: uuid("invited_by").references(() => users.id),
    createdAt: createdAt(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [
    index("invitations_email_idx").on(t.email),
    check("invitations_role_check", sql`${t.role} in ('admin', 'organizer')`),
  ],
);

/**
 * Who did what to which row, when. Append-only; the app never updates or deletes it.
 * `actor_id` is null for the system (CLI, seed).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_campaign_idx").on(t.campaignId, t.at),
    // Security events that still name a client by its address-hash: the retention job strips the hash after 30
    // days (lib/retention/apply-retention.ts) and finds them here without reading the whole log each hour.
    index("audit_log_client_hash_idx").on(t.at).where(sql`${t.entityType} = 'client' and ${t.entityId} is not null`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Uploaded images, re-encoded on upload. Kept in the database so every app process (and PGlite) can serve them
 * without a shared disk.
 */
export const media = pgTable(
  "media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("media_campaign_idx").on(t.campaignId),
    check("media_content_type_check", sql`${t.contentType} in ('image/webp', 'image/jpeg', 'image/png')`),
  ],
);
