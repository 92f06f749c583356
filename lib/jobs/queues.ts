import type PgBoss from "pg-boss";
import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { rallyNoticeKinds } from "@/db/schema/rallies";

import { BOSS_SCHEMA } from "@/db/boss-adapter";

export { BOSS_SCHEMA };

/** Every queue: its name, the zod schema of its payload, and its retry policy. */
export const queues = {
  /** `locale`: the language of the request that caused the email (a re-sign may come from another page). */
  signatureConfirmation: {
    name: "signature-confirmation",
    payload: z.object({ signatureId: z.uuid(), locale: z.enum(locales).optional() }),
  },
  alreadySigned: {
    name: "signature-already-signed",
    payload: z.object({ signatureId: z.uuid(), locale: z.enum(locales).optional() }),
  },
  /** Every rally email: the RSVP confirmation, and each notice (lib/rallies/emails/). */
  rallyEmail: {
    name: "rally-email",
    payload: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("confirmation"), rsvpId: z.uuid() }),
      z.object({ kind: z.enum(rallyNoticeKinds), rsvpId: z.uuid(), key: z.string().max(100) }),
    ]),
  },
  /** Reminders that are due and changes whose coalescing window closed: run every minute, and after each edit. */
  rallySweep: {
    name: "rally-sweep",
    payload: z.object({}).passthrough(),
  },
  recountPetitions: {
    name: "petition-recount",
    payload: z.object({}).passthrough(),
  },
} as const;

export type QueueKey = keyof typeof queues;
export type Payload<K extends QueueKey> = z.infer<(typeof queues)[K]["payload"]>;

/** Mail: retry temporary failures with exponential backoff (5 s, 10 s, 20 s … about 40 minutes in all). */
export const emailQueuePolicy: Omit<PgBoss.Queue, "name"> = {
  retryLimit: 9,
  retryDelay: 5,
  retryBackoff: true,
  // A worker that died mid-send: the job becomes retryable after this long (and is re-sent with the same key).
  expireInSeconds: 60,
  retentionDays: 7,
};
