import type { Db } from "@/db";
import { reconcileConfirmedCounts } from "@/db/queries/signatures";
import { type SenderOptions, startMailSender } from "@/lib/email/sender";
import { sweepRallies } from "@/lib/rallies/sweep-rallies";
import { type FanoutOptions, startUpdateFanout } from "@/lib/updates/fan-out";
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
  await jobs.boss.work(queues.recountPetitions.name, work, async () => ({ reconciled: await reconcileConfirmedCounts(db) }));
  // Every five minutes: fold any drift between the sharded counts and the signatures back in.
  await jobs.boss.schedule(queues.recountPetitions.name, "*/5 * * * *");
  return { stop: async () => void (await Promise.all([mail.stop(), updates.stop()])) };
}
