import { z } from "zod";
import { linkTokenSchema } from "@/lib/confirmations/tokens";
import { locales } from "@/lib/i18n/locales";
import { signerEmailSchema } from "./signatures";

/** The standalone "get updates" form (urlencoded, multipart or JSON). Messages are `subscribe.errors` codes. */
export const subscribeInputSchema = z.object({
  email: signerEmailSchema,
  locale: z.enum(locales).catch("ru"),
  /** Honeypot: people never see it; bots fill it. */
  website: z.string().max(0).optional().catch("filled"),
});
export type SubscribeInput = z.infer<typeof subscribeInputSchema>;

/** The preferences page's forms: change the language of the emails, or leave this campaign's list or every list. */
export const preferencesInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("language"), token: linkTokenSchema, language: z.enum(locales) }),
  z.object({ action: z.literal("unsubscribe"), token: linkTokenSchema }),
  z.object({ action: z.literal("unsubscribe_all"), token: linkTokenSchema }),
]);
