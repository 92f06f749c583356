import type { Db } from "@/db";
import { countDeliverableSubscribers } from "@/db/queries/subscribers";
import {
  type CampaignUpdate,
  UPDATE_EMAIL_KIND,
  claimDueScheduledUpdate,
  claimFanout,
  enqueueFanoutPage,
  findUpdateById,
  finishSentUpdates,
  refreshOutboxStatistics,
  updateUpdateGuarded,
} from "@/db/queries/updates";
import { priorityOf } from "@/lib/email/kinds";
import type { Locale } from "@/lib/i18n/locales";
import { describeError } from "@/lib/log";
import { hasText } from "./content";
import { updateActions } from "./state";

export type FanoutOptions = {
  /** Subscribers per page: one statement each (delivery rows, emails, cursor). */
  pageSize?: number;
  /** How long a fan-out is this process's before another may take it over (renewed every page). */
  leaseMs?: number;
  /** How often an idle loop looks for work. */
  idleMs?: number;
  /** Told after each committed page (tests and the benchmark watch the fan-out with it). */
  onPage?: (page: { updateId: string; enqueued: number; done: boolean }) => void;
};

/**
 * One page of an update's fan-out, in one statement (db/queries/updates.ts `enqueueFanoutPage`): the next
 * `pageSize` deliverable subscribers after the cursor (keyset, by id — never the whole list in memory), a delivery
 * row for each (unique per update and subscriber: a page replayed after a crash or a resume adds nothing), an
 * outbox email (bulk priority) for each new row, and the cursor moved past them — guarded on state and on the
 * cursor this process read, so a pause, a cancel or another process's takeover stops the page from writing.
 */
export async function fanOutPage(db: Db, update: Pick<CampaignUpdate, "id" | "campaignId">, cursor: string | null, options: { pageSize: number; leaseMs: number; locales: Set<Locale>; defaultLocale: Locale }) {
  const page = await enqueueFanoutPage(db, {
    updateId: update.id,
    campaignId: update.campaignId,
    cursor,
    pageSize: options.pageSize,
    leaseMs: options.leaseMs,
    locales: [...options.locales],
    defaultLocale: options.defaultLocale,
    priority: priorityOf(UPDATE_EMAIL_KIND, {}),
  });
  if (!page.advanced) return { state: "stopped" as const, cursor, enqueued: 0 };
  return { state: page.done ? ("done" as const) : ("more" as const), cursor: page.cursor, enqueued: page.enqueued };
}

/** How many emails a fan-out enqueues before it refreshes the outbox's planner statistics. */
const ANALYZE_AFTER = 5_000;

/** Runs a claimed fan-out to its end (or until paused, cancelled or taken over). */
export async function runFanout(db: Db, claimed: CampaignUpdate, options: Required<Omit<FanoutOptions, "onPage">> & Pick<FanoutOptions, "onPage">, signal?: AbortSignal): Promise<number> {
  const update = await findUpdateById(db, claimed.id);
  if (!update) return 0;
  const written = new Set((Object.keys(update.texts) as Locale[]).filter((l) => hasText(update.texts, l)));
  let cursor = claimed.fanoutCursor;
  let total = 0;
  while (!signal?.aborted) {
    const page = await fanOutPage(db, update, cursor, { pageSize: options.pageSize, leaseMs: options.leaseMs, locales: written, defaultLocale: update.defaultLocale as Locale });
    const before = total;
    total += page.enqueued;
    // The outbox's statistics, once a few thousand emails are in (and at the end): see refreshOutboxStatistics.
    if (total >= ANALYZE_AFTER && (before < ANALYZE_AFTER || page.state === "done")) await refreshOutboxStatistics(db);
    cursor = page.cursor;
    if (page.state !== "stopped") options.onPage?.({ updateId: update.id, enqueued: page.enqueued, done: page.state === "done" });
    if (page.state !== "more") break;
  }
  return total;
}

/** A scheduled update whose time came starts sending (with its recipients counted now). */
export async function startDueScheduled(db: Db, now = new Date()): Promise<CampaignUpdate | null> {
  return db.transaction(async (tx) => {
    const due = await claimDueScheduledUpdate(tx);
    if (!due) return null;
    const recipients = await countDeliverableSubscribers(tx, due.campaignId);
    return updateUpdateGuarded(tx, due.id, { from: [updateActions.schedule.to] }, {
      state: updateActions.send.to,
      startedAt: now,
      recipientsTotal: recipients,
      fanoutCursor: null,
      fanoutDoneAt: null,
      fanoutLeaseUntil: null,
    });
  });
}

export type UpdateFanout = { stop(): Promise<void> };

/**
 * Each process's updates worker, on its own loop beside the mail sender (one fan-out at a time per process —
 * bounded, so a send never crowds out signing): start scheduled updates that are due, take a sending update
 * whose fan-out is unfinished and unleased (a new send, a resume, or a crashed process's — resumed from its
 * committed cursor), page it into the outbox, and mark updates whose every email has left as sent. The mail
 * sender sends them behind transactional mail (priority `bulk`).
 */
export function startUpdateFanout(db: Db, options: FanoutOptions = {}): UpdateFanout {
  const o = { pageSize: options.pageSize ?? 1000, leaseMs: options.leaseMs ?? 30_000, idleMs: options.idleMs ?? 1000, onPage: options.onPage };
  const abort = new AbortController();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const onAbort = () => {
        clearTimeout(t);
        resolve();
      };
      const t = setTimeout(() => {
        abort.signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      abort.signal.addEventListener("abort", onAbort, { once: true });
    });
  async function loop() {
    while (!abort.signal.aborted) {
      try {
        while (!abort.signal.aborted && (await startDueScheduled(db))) {}
        const claimed = await claimFanout(db, o.leaseMs);
        if (claimed) {
          await runFanout(db, claimed, o, abort.signal);
          continue;
        }
        await finishSentUpdates(db);
      } catch (error) {
        if (abort.signal.aborted) return;
        console.error(`[updates] fan-out: ${describeError(error)}`);
      }
      await sleep(o.idleMs);
    }
  }
  const running = loop();
  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}
