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
