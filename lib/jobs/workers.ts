import type { Db } from "@/db";
import { reconcileConfirmedCounts } from "@/db/queries/signatures";
import { sendRallyEmail } from "@/lib/rallies/send-rally-email";
import { sweepRallies } from "@/lib/rallies/sweep-rallies";
import { sendAlreadySignedEmail, sendConfirmationEmail } from "@/lib/signatures/send-signature-emails";
import type { Jobs } from "./boss";
import { queues } from "./queues";

/** Handlers for every queue. Payloads are re-validated with their zod schema before use. */
export async function startWorkers(db: Db, jobs: Jobs, options: { pollingIntervalSeconds?: number } = {}) {
  const work = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  // Two workers per mail queue, so one slow provider call does not hold up the next email.
  for (let i = 0; i < 2; i++) {
    await jobs.boss.work(queues.signatureConfirmation.name, work, async ([job]) => {
      if (!job) return;
      const data = queues.signatureConfirmation.payload.parse(job.data);
      return sendConfirmationEmail(db, { id: job.id, data });
    });
    await jobs.boss.work(queues.alreadySigned.name, work, async ([job]) => {
      if (!job) return;
      const data = queues.alreadySigned.payload.parse(job.data);
      return sendAlreadySignedEmail(db, { id: job.id, data });
    });
    await jobs.boss.work(queues.rallyEmail.name, work, async ([job]) => {
      if (!job) return;
      const data = queues.rallyEmail.payload.parse(job.data);
      return sendRallyEmail(db, { id: job.id, data });
    });
  }
  // Every minute, and after each edit of a rally's time or place: reminders due, changes to announce.
  await jobs.boss.work(queues.rallySweep.name, work, async () => sweepRallies(db, new Date()));
  await jobs.boss.schedule(queues.rallySweep.name, "* * * * *");
  await jobs.boss.work(queues.recountPetitions.name, work, async () => ({ reconciled: await reconcileConfirmedCounts(db) }));
  // Every five minutes: fold any drift between the sharded counts and the signatures back in.
  await jobs.boss.schedule(queues.recountPetitions.name, "*/5 * * * *");
}
