import { z } from "zod";

import { BOSS_SCHEMA } from "@/db/boss-adapter";

export { BOSS_SCHEMA };

/** Every pg-boss queue (scheduled work; email has its own outbox, lib/email/): its name and payload schema. */
export const queues = {
  /** Reminders that are due and changes whose coalescing window closed: run every minute, and after each edit. */
  rallySweep: {
    name: "rally-sweep",
    payload: z.object({}).passthrough(),
  },
  /** Hourly: clients and domains with a burst of confirmed signatures on one petition (lib/abuse/flags.ts). */
  flagBursts: {
    name: "abuse-flags",
    payload: z.object({}).passthrough(),
  },
  /** Hourly: what is kept only for a while is deleted or anonymised (lib/retention/apply-retention.ts). */
  retention: {
    name: "retention",
    payload: z.object({}).passthrough(),
  },
  /** Every 5 minutes: the petitions whose signatures changed since the last run are recounted (db/queries/signatures.ts). */
  recountPetitions: {
    name: "petition-recount",
    payload: z.object({}).passthrough(),
  },
  /** Daily: every petition recounted, which also repairs a drift written to the count shards alone. */
  recountAllPetitions: {
    name: "petition-recount-all",
    payload: z.object({}).passthrough(),
  },
} as const;

export type QueueKey = keyof typeof queues;
export type Payload<K extends QueueKey> = z.infer<(typeof queues)[K]["payload"]>;
