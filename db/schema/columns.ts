import { jsonb, timestamp } from "drizzle-orm/pg-core";
import type { Localized } from "@/lib/i18n/locales";

/** Text written once per locale, e.g. `{ ru: "…", kk: "…", en: "…" }`. */
export const localized = (name: string) => jsonb(name).$type<Localized>().notNull();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
