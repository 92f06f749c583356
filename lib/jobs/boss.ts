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
  // The processes of one deployment start together (npm start forks one per core) and pg-boss's create_queue, run
  // at the same moment on a fresh database, deadlocks (40P01): PostgreSQL aborts one, which then tries again.
  const createQueue = (name: string, options: Omit<PgBoss.Queue, "name">) => retryOnDeadlock(() => boss.createQueue(name, { name, ...options }));
  await createQueue(queues.rallySweep.name, { retryLimit: 3, retryDelay: 5 });
  await createQueue(queues.recountPetitions.name, { policy: "singleton", retryLimit: 1 });
  await createQueue(queues.recountAllPetitions.name, { policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await createQueue(queues.flagBursts.name, { policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await createQueue(queues.retention.name, { policy: "singleton", retryLimit: 2, retryDelay: 60 });
  return {
    boss,
    enqueue: (tx, queue, data, jobOptions) => {
      const payload = queues[queue].payload.parse(data);
      return boss.send(queues[queue].name, payload, { ...jobOptions, db: jobExecutor(database, tx) });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/** Runs `work` again (up to 5 times, after a short random pause) when PostgreSQL aborted it to break a deadlock. */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}
