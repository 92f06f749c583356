import { render } from "@react-email/render";
import { eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { type Db, getDb } from "@/db";
import { devMailbox, emailDeliveries } from "@/db/schema";
import { env, usesDevMailbox } from "@/lib/env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Derived from the job, so a retry of the same job never sends a second email. */
  idempotencyKey: string;
  /** Template name, recorded with the delivery (no address is recorded). */
  template: string;
  headers?: Record<string, string>;
};

export type SendResult = { status: "sent"; id: string } | { status: "failed"; error: string };

/** Worth retrying: network trouble, rate limits, provider errors. The job queue retries with backoff. */
export class TemporaryEmailError extends Error {
  override name = "TemporaryEmailError";
}

let resend: Resend | undefined;

/**
 * The one way mail leaves the app: the resend SDK when RESEND_API_KEY is set (RESEND_BASE_URL points it
 * elsewhere, e.g. at the test capture server), otherwise the dev mailbox, readable at /<locale>/dev/mailbox.
 * Throws TemporaryEmailError for failures worth retrying; records permanent failures and returns them.
 */
export async function sendEmail(email: OutgoingEmail, db?: Db): Promise<SendResult> {
  const database = db ?? (await getDb());
  const [done] = await database
    .select({ status: emailDeliveries.status, providerId: emailDeliveries.providerId, error: emailDeliveries.error })
    .from(emailDeliveries)
    .where(eq(emailDeliveries.idempotencyKey, email.idempotencyKey));
  if (done?.status === "sent") return { status: "sent", id: done.providerId ?? "" };
  if (done?.status === "failed") return { status: "failed", error: done.error ?? "" };

  const from = env().MAIL_FROM;
  if (usesDevMailbox()) {
    const [row] = await database
      .insert(devMailbox)
      .values({ idempotencyKey: email.idempotencyKey, to: email.to, from, subject: email.subject, html: email.html, text: email.text, headers: email.headers ?? {} })
      .onConflictDoNothing({ target: devMailbox.idempotencyKey })
      .returning({ id: devMailbox.id });
    return record(database, email, { status: "sent", id: row?.id ?? "dev" });
  }

  resend ??= new Resend(env().RESEND_API_KEY, env().RESEND_BASE_URL ? { baseUrl: env().RESEND_BASE_URL } : undefined);
  const { data, error } = await resend.emails.send(
    { from, to: email.to, subject: email.subject, html: email.html, text: email.text, headers: email.headers },
    { idempotencyKey: email.idempotencyKey },
  );
  if (data) return record(database, email, { status: "sent", id: data.id });
  const status = error?.statusCode ?? null;
  const name = error?.name ?? "unknown";
  if (status === null || status === 429 || status >= 500 || name === "concurrent_idempotent_requests") {
    throw new TemporaryEmailError(`${name} (${status ?? "network"}): ${error?.message ?? ""}`);
  }
  return record(database, email, { status: "failed", error: `${name} (${status}): ${error?.message ?? ""}`.slice(0, 500) });
}

async function record(db: Db, email: OutgoingEmail, result: SendResult): Promise<SendResult> {
  await db
    .insert(emailDeliveries)
    .values({
      idempotencyKey: email.idempotencyKey,
      template: email.template,
      status: result.status,
      providerId: result.status === "sent" ? result.id : null,
      error: result.status === "failed" ? result.error : null,
    })
    .onConflictDoNothing({ target: emailDeliveries.idempotencyKey });
  if (result.status === "failed") console.error(`[email] ${email.template} ${email.idempotencyKey} failed: ${result.error}`);
  return result;
}

/** Renders a react-email template to HTML and plain text, and sends it through `sendEmail`. */
export async function sendTemplate(
  db: Db | undefined,
  email: Omit<OutgoingEmail, "html" | "text"> & { element: ReactElement },
): Promise<SendResult> {
  const { element, ...rest } = email;
  return sendEmail({ ...rest, html: await render(element), text: await render(element, { plainText: true }) }, db);
}
