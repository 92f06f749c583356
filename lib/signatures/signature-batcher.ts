import type { Db } from "@/db";
import { type NewSignature, insertPendingSignaturesWithEmails } from "@/db/queries/signatures";
import { priorityOf } from "@/lib/email/kinds";
import { env } from "@/lib/env";
import { MAX_CONFIRMATION_EMAILS } from "@/lib/confirmations/tokens";

/**
 * Group commit for new signatures. A signature is answered only after the statement that inserted it
 * committed, as before; but while a statement is in flight, the signatures arriving meanwhile wait and
 * go together in the next one. At low load nothing waits (a batch of one leaves at once); under a viral
 * load, one round trip and one commit serve many signers, which is what lets the sign path keep up.
 */
const MAX_BATCH = 100;
const MAX_IN_FLIGHT = 2;

type Waiting = { row: NewSignature; resolve: (inserted: boolean) => void; reject: (error: unknown) => void };

class SignatureBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(private readonly db: Db) {}

  insert(row: NewSignature): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < MAX_IN_FLIGHT && this.waiting.length > 0) {
      // A stable order (petition, email) across batches: concurrent batches take index locks in the same order.
      const batch = this.waiting
        .splice(0, MAX_BATCH)
        .sort((a, b) => compare(a.row.petitionSlug, b.row.petitionSlug) || compare(a.row.emailNormalized, b.row.emailNormalized));
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const limits = { burst: env().SIGN_LIMIT_BURST, hourly: env().SIGN_LIMIT_HOURLY };
      const inserted = await insertPendingSignaturesWithEmails(this.db, batch.map((w) => w.row), limits, priorityOf("signature-confirmation", {}), MAX_CONFIRMATION_EMAILS);
      for (const w of batch) w.resolve(inserted.has(w.row.tokenHash));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One statement failed for all: try each on its own, so only the signature at fault fails.
      await Promise.all(batch.map((w) => this.run([w])));
    }
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const batchers = new WeakMap<Db, SignatureBatcher>();

/** Inserts a new pending signature and its email job, or answers a duplicate (batched with concurrent ones); false if the petition is not open. */
export function insertNewSignature(db: Db, row: NewSignature): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new SignatureBatcher(db)));
  return batcher.insert(row);
}
