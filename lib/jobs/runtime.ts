import { getDatabase } from "@/db";
import { type Jobs, startJobs } from "./boss";

const holder = globalThis as typeof globalThis & { __qoldauJobs?: Promise<Jobs> };

/** The process's pg-boss, on the process's database. */
export function getJobs(): Promise<Jobs> {
  holder.__qoldauJobs ??= getDatabase().then((database) => startJobs(database));
  holder.__qoldauJobs.catch(() => {
    holder.__qoldauJobs = undefined;
  });
  return holder.__qoldauJobs;
}
