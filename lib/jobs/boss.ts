import PgBoss from "pg-boss";
import { describeError } from "@/lib/log";
import type { Database, Db } from "@/db";
import { jobExecutor } from "@/db";
import { BOSS_SCHEMA, type Payload, type QueueKey, queues } from "./queues";

export type Jobs = {
  boss: PgBoss;
  /** Enqueue inside the caller's transaction: the job commits or rolls back with it. */
  enqueue<K extends QueueKey>(tx: Db, queue: K, data: Payload<K>, options?: PgBoss.JobOptions): Promise<string | null>;
  stop(): Promise<void>;
};

export type JobsOptions = {
    maintenanceIntervalSeconds?: number;
};

/** Starts pg-boss on the app's own connection and creates the queues. Workers are added separately. */
export async function startJobs(database: Database, options: JobsOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({
    db: jobExecutor(database),
    schema: BOSS_SCHEMA,
    migrate: true,
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", (error) => console.error(`[jobs] ${describeError(error)}`));
  await boss.start();
  await boss.createQueue(queues.rallySweep.name, { name: queues.rallySweep.name, retryLimit: 3, retryDelay: 5 });
  await boss.createQueue(queues.recountPetitions.name, {
    name: queues.recountPetitions.name,
    policy: "singleton",
    retryLimit: 1,
  });
  await boss.createQueue(queues.recountAllPetitions.name, { name: queues.recountAllPetitions.name, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.createQueue(queues.flagBursts.name, { name: queues.flagBursts.name, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.createQueue(queues.retention.name, { name: queues.retention.name, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  return {
    boss,
    enqueue: (tx, queue, data, jobOptions) => {
      const payload = queues[queue].payload.parse(data);
      return boss.send(queues[queue].name, payload, { ...jobOptions, db: jobExecutor(database, tx) });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
