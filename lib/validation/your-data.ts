import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { yourDataTokenSchema } from "@/lib/your-data/link";

/** The "your data" page's forms (app/api/v1/your-data/route.ts): one action each, the link's token in a hidden field. */
export const yourDataActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("withdraw"), token: yourDataTokenSchema, locale: z.enum(locales), signatureId: z.uuid() }),
  z.object({ action: z.enum(["stop_email", "resume_email", "export"]), token: yourDataTokenSchema, locale: z.enum(locales) }),
  z.object({ action: z.literal("delete"), token: yourDataTokenSchema, locale: z.enum(locales), confirm: z.literal("yes") }),
]);
