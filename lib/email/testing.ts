import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { type SenderOptions, startMailSender } from "./sender";

/** Emails not yet delivered, failed or skipped. */
export async function mailInFlight(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from email_outbox where state in ('queued', 'batched')`));
  return row!.n;
}

/** For tests: runs a sender until every queued email is delivered (or failed, or skipped), polling its state. */
export async function drainMail(db: Db, options: SenderOptions & { timeoutMs?: number } = {}): Promise<void> {
  const sender = startMailSender(db, { idleMs: 50, maxRps: 50, ...options });
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    while ((await mailInFlight(db)) > 0) {
      if (Date.now() > deadline) throw new Error("drainMail: mail still in flight");
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await sender.stop();
  }
}
