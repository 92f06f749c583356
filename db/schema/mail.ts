import { jsonb, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

/** Mail kept for a person to read in the browser when no provider is configured (embedded default only). */
export const devMailbox = pgTable("dev_mailbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  to: text("to").notNull(),
  from: text("from").notNull(),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
  createdAt: createdAt(),
});

/** What became of each email we tried to send. Keyed by the idempotency key; holds no address. */
export const emailDeliveries = pgTable("email_deliveries", {
  idempotencyKey: text("idempotency_key").primaryKey(),
  template: text("template").notNull(),
  status: text("status", { enum: ["sent", "failed"] }).notNull(),
  providerId: text("provider_id"),
  attempts: smallint("attempts").notNull().default(1),
  error: text("error"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
