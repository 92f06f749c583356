import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { type EmailKind, type KindPayload, emailKinds, priorityOf } from "./kinds";

/**
 * Enqueues one email inside the caller's transaction (`db` may be a `tx`): it commits or rolls back with the
 * change that causes it. The payload is validated here with the kind's schema; the sender renders it later.
 */
export async function enqueueEmail<K extends EmailKind>(db: Db, kind: K, payload: KindPayload<K>, options: { availableAt?: Date } = {}) {
  const parsed = emailKinds[kind].payload.parse(payload) as Record<string, unknown>;
  const name: string = kind;
  const [row] = await db
    .insert(emailOutbox)
    .values({ kind: name, payload: parsed, priority: priorityOf(kind, parsed), availableAt: options.availableAt })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/**
 * Enqueues many emails of one kind in one statement (the update fan-out's pages), in the caller's transaction.
 * Returns the ids in the order of `payloads`.
 */
export async function enqueueEmails<K extends EmailKind>(db: Db, kind: K, payloads: KindPayload<K>[]): Promise<string[]> {
  if (payloads.length === 0) return [];
  const name: string = kind;
  const rows = payloads.map((p) => {
    const parsed = emailKinds[kind].payload.parse(p) as Record<string, unknown>;
    return { id: randomUUID(), kind: name, payload: parsed, priority: priorityOf(kind, parsed) };
  });
  await db.insert(emailOutbox).values(rows);
  return rows.map((r) => r.id);
}
