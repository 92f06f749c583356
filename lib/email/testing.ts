import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { type SenderOptions, startMailSender } from "./sender";

/** Emails not yet delivered, failed or skipped. */
export async function mailInFlight(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from email_outbox where state in ('queued', 'batched')`));
  return row!.n;
}

/** For tests: polls until every queued email is delivered (or failed, or skipped) by the senders already running. */
export async function untilMailSettled(db: Db, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await mailInFlight(db)) > 0) {
    if (Date.now() > deadline) throw new Error("untilMailSettled: mail still in flight");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** For tests: polls until the shared request budget has no slot reserved ahead (earlier sends used theirs). */
export async function untilMailBudgetFree(db: Db, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = rowsOf<{ ahead: boolean }>(await db.execute(sql`select coalesce(bool_or(next_at > now()), false) as ahead from mail_throttle`));
    if (!row!.ahead) return;
    if (Date.now() > deadline) throw new Error("untilMailBudgetFree: a request slot is still reserved ahead");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** For tests: runs a sender until every queued email is delivered (or failed, or skipped), polling its state. */
export async function drainMail(db: Db, options: SenderOptions & { timeoutMs?: number } = {}): Promise<void> {
  const sender = startMailSender(db, { idleMs: 50, maxRps: 50, ...options });
  try {
    await untilMailSettled(db, options.timeoutMs);
  } finally {
    await sender.stop();
  }
}
