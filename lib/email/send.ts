import { Resend } from "resend";
import type { Db } from "@/db";
import { devMailbox } from "@/db/schema";
import { env, usesDevMailbox } from "@/lib/env";

/** One email of a provider request, as rendered and stored in its batch. */
export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** The email's own key (the dev mailbox keeps one copy per key). */
  key: string;
};

export type BatchAnswer =
  /** Per email, in order: its provider id, or why the provider refused it (a permanent failure). */
  | { kind: "sent"; results: Array<{ id: string } | { error: string }> }
  | { kind: "rate_limited"; retryAfterMs: number; message: string }
  /** 401/403: our key is refused; nothing will go until an operator fixes it. */
  | { kind: "unauthorized"; message: string }
  /** The provider refused the whole request (422): split it to find the email at fault. */
  | { kind: "refused"; message: string }
  | { kind: "temporary"; message: string };

/** Resend's limit per batch request. */
export const MAX_BATCH_EMAILS = 100;

let client: { key: string; url: string | undefined; resend: Resend } | undefined;
function resendClient(): Resend {
  const { RESEND_API_KEY: key, RESEND_BASE_URL: url } = env();
  if (!client || client.key !== key || client.url !== url) {
    client = { key: key!, url, resend: new Resend(key, url ? { baseUrl: url } : undefined) };
  }
  return client.resend;
}

/**
 * The one way mail leaves the app, called only by the sender (lib/email/sender.ts): one batch request of up to
 * 100 emails with one idempotency key — Resend's `batch.send` when RESEND_API_KEY is set (RESEND_BASE_URL
 * points it elsewhere, e.g. at the test capture server), otherwise the dev mailbox, readable at
 * /<locale>/dev/mailbox. Never throws for a provider answer: it says what the answer means.
 */
export async function sendBatch(db: Db, emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchAnswer> {
  const from = env().MAIL_FROM;
  if (usesDevMailbox()) {
    await db
      .insert(devMailbox)
      .values(emails.map((e) => ({ idempotencyKey: e.key, to: e.to, from, subject: e.subject, html: e.html, text: e.text, headers: e.headers ?? {} })))
      .onConflictDoNothing({ target: devMailbox.idempotencyKey });
    return { kind: "sent", results: emails.map(() => ({ id: "dev-mailbox" })) };
  }

  const { data, error, headers } = await resendClient().batch.send(
    emails.map((e) => ({ from, to: e.to, subject: e.subject, html: e.html, text: e.text, ...(e.headers ? { headers: e.headers } : {}) })),
    { idempotencyKey, batchValidation: "permissive" },
  );
  if (data) {
    const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]));
    const ids = [...data.data];
    return { kind: "sent", results: emails.map((_, i) => (refused.has(i) ? { error: `refused: ${refused.get(i)}` } : (ids.shift() ?? { error: "no id" }))) };
  }
  const status = error?.statusCode ?? null;
  const message = `${error?.name ?? "unknown"} (${status ?? "network"}): ${error?.message ?? ""}`.slice(0, 500);
  if (status === 429) {
    const seconds = Number(headers?.["retry-after"]);
    return { kind: "rate_limited", retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, message };
  }
  if (status === 401 || status === 403) return { kind: "unauthorized", message };
  if (status === 422 || status === 400 || status === 413) return { kind: "refused", message };
  return { kind: "temporary", message };
}
