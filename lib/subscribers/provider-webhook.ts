import { Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import type { Db } from "@/db";
import { suppressAddress } from "@/db/queries/subscribers";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/validation/signatures";

/** Resend's webhook bodies are small; anything larger is not one of them. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

const event = z.object({
  type: z.string().max(100),
  data: z
    .object({
      to: z.union([z.string(), z.array(z.string())]).optional(),
      bounce: z.object({ type: z.string().max(100).optional() }).loose().optional(),
    })
    .loose(),
});

export type WebhookOutcome = { outcome: "suppressed" | "ignored"; addresses: number };

/**
 * One webhook from Resend, verified with svix against the signing secret (signature and timestamp within svix's
 * five-minute tolerance; a forged, altered, replayed-late or unsigned one → 400, nothing changed). A hard bounce
 * (`email.bounced`; Resend reports transient failures as other events) or a complaint (`email.complained`)
 * suppresses each recipient address for every campaign; every other event — opens, clicks, deliveries — is
 * answered and dropped, nothing about it kept. Suppressing is idempotent, so svix's retries change nothing more.
 */
export async function handleResendWebhook(db: Db, secret: string, body: string, headers: Headers): Promise<WebhookOutcome> {
  const svixHeaders = {
    "svix-id": headers.get("svix-id") ?? "",
    "svix-timestamp": headers.get("svix-timestamp") ?? "",
    "svix-signature": headers.get("svix-signature") ?? "",
  };
  let payload: unknown;
  try {
    payload = new Webhook(secret).verify(body, svixHeaders);
  } catch (error) {
    if (error instanceof WebhookVerificationError || error instanceof SyntaxError) throw new AppError("bad_request");
    throw error;
  }
  const parsed = event.safeParse(payload);
  if (!parsed.success) throw new AppError("bad_request");
  const { type, data } = parsed.data;
  const hard = type === "email.complained" || (type === "email.bounced" && !/^(transient|temporary|soft)/i.test(data.bounce?.type ?? ""));
  if (!hard) return { outcome: "ignored", addresses: 0 };
  const reason = type === "email.complained" ? "complaint" : "bounce";
  const recipients = (Array.isArray(data.to) ? data.to : data.to ? [data.to] : []).slice(0, 50);
  const addresses = recipients.map(addressOf).filter((a): a is string => a !== null);
  await db.transaction(async (tx) => {
    for (const address of addresses) await suppressAddress(tx, address, reason);
  });
  return { outcome: "suppressed", addresses: addresses.length };
}

/** "Name <a@b.org>" or "a@b.org" → the normalized address; anything else → null. */
function addressOf(recipient: string): string | null {
  const inner = /<([^<>]+)>\s*$/.exec(recipient)?.[1] ?? recipient;
  const parsed = z.email().max(320).safeParse(inner.trim());
  return parsed.success ? normalizeEmail(parsed.data) : null;
}
