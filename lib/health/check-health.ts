import type { Db } from "@/db";
import { oldestWaitingJobSeconds, pingDatabase } from "@/db/queries/health";

/** A job that could have run for this long and has not: the workers are behind (mail is late). */
export const JOBS_BEHIND_SECONDS = 60;
const TIMEOUT_MS = 2_000;

export type Health = {
  status: "ok" | "unavailable";
  database: "ok" | "unavailable";
  jobs: { status: "ok" | "behind" | "unknown"; oldestWaitingSeconds: number | null };
};

/**
 * For load balancers and the container's HEALTHCHECK: the process can serve (its database answers within 2 s),
 * and whether the job workers keep up. Behind is reported, not failed: pulling processes out of the balancer
 * because mail is late would only make it later.
 */
export async function checkHealth(db: Db): Promise<Health> {
  const database = await withTimeout(pingDatabase(db)).then(
    () => "ok" as const,
    () => "unavailable" as const,
  );
  const waiting = database === "ok" ? await withTimeout(oldestWaitingJobSeconds(db)).catch(() => null) : null;
  return {
    status: database === "ok" ? "ok" : "unavailable",
    database,
    jobs: {
      status: waiting === null ? "unknown" : waiting > JOBS_BEHIND_SECONDS ? "behind" : "ok",
      oldestWaitingSeconds: waiting,
    },
  };
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
