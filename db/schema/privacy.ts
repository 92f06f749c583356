import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { signatureStates, signatures } from "./signatures";
import { createdAt } from "./columns";

export type BulkInvalidationFilter = {
  petitionId: string;
  name?: string;
  domain?: string;
  clientHash?: string;
  from?: string;
  to?: string;
};

/**
 * An admin's bulk invalidation (lib/abuse/bulk-invalidate.ts): the filter, how many signatures it invalidated,
 * and (for 7 days) which ones and what they were, so it can be reversed. After that the items are deleted and it
 * is final.
 */
export const bulkInvalidations = pgTable(
  "bulk_invalidations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    petitionId: uuid("petition_id").notNull(),
    filter: jsonb("filter").$type<BulkInvalidationFilter>().notNull(),
    invalidated: integer("invalidated").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
    reversedBy: uuid("reversed_by"),
    restored: integer("restored"),
  },
  (t) => [index("bulk_invalidations_created_idx").on(t.createdAt)],
);

export const bulkInvalidationItems = pgTable(
  "bulk_invalidation_items",
  {
    invalidationId: uuid("invalidation_id")
      .notNull()
      .references(() => bulkInvalidations.id, { onDelete: "cascade" }),
    signatureId: uuid("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    previousState: text("previous_state", { enum: signatureStates }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invalidationId, t.signatureId] }),
    index("bulk_invalidation_items_signature_idx").on(t.signatureId),
    check("bulk_invalidation_items_state_check", sql`${t.previousState} in ('pending', 'confirmed')`),
  ],
);
