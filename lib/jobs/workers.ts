import type { Db } from "@/db";
import { reconcileConfirmedCounts, reconcileMarkedCounts } from "@/db/queries/signatures";
import { type SenderOptions, startMailSender } from "@/lib/email/sender";
import { sweepRallies } from "@/lib/rallies/sweep-rallies";
import { applyRetention } from "@/lib/retention/apply-retention";
import { type FanoutOptions, startUpdateFanout } from "@/lib/updates/fan-out";
import { flagBursts } from "@/lib/abuse/flags";
import type { Jobs } from "./boss";
import { queues } from "./queues";

export type Workers = { stop(): Promise<void> };

/**
 * This process's share of the background work: the mail sender (lib/email/sender.ts), the updates fan-out
 * (lib/updates/fan-out.ts) and the scheduled
 * pg-boss jobs. Payloads are re-validated with their zod schema before use.
 */
export async function startWorkers(
  db: Db,
  jobs: Jobs,
  options: { pollingIntervalSeconds?: number; mail?: SenderOptions; updates?: FanoutOptions } = {},
): Promise<Workers> {
  const work = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  const mail = startMailSender(db, options.mail);
  const updates = startUpdateFanout(db, options.updates);
  // Every minute, and after each edit of a rally's time or place: reminders due, changes to announce.
  await jobs.boss.work(queues.rallySweep.name, work, async () => sweepRallies(db, new Date()));
  await jobs.boss.schedule(queues.rallySweep.name, "* * * * *");
  // Every five minutes: fold any drift between the sharded counts and the signatures back in, for the petitions
  // whose signatures changed since the last run; once a day every petition (the shards may drift on their own).
  await jobs.boss.work(queues.recountPetitions.name, work, async () => reconcileMarkedCounts(db));
  await jobs.boss.schedule(queues.recountPetitions.name, "*/5 * * * *");
  await jobs.boss.work(queues.recountAllPetitions.name, work, async () => ({ reconciled: await reconcileConfirmedCounts(db) }));
  await jobs.boss.schedule(queues.recountAllPetitions.name, "41 3 * * *");
  await jobs.boss.work(queues.flagBursts.name, work, async () => ({ flagged: (await flagBursts(db, new Date())).length }));
  // Hourly, a few minutes past: the hour just ended is whole.
  await jobs.boss.schedule(queues.flagBursts.name, "5 * * * *");
  // Every hour: unconfirmed signatures and RSVPs, address-hashes, archived campaigns' personal data (lib/retention).
  await jobs.boss.work(queues.retention.name, work, async () => applyRetention(db));
  await jobs.boss.schedule(queues.retention.name, "23 * * * *");
  return { stop: async () => void (await Promise.all([mail.stop(), updates.stop()])) };
}
