import { getDb } from "@/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readBody } from "@/lib/http/read-form";
import { MAX_WEBHOOK_BYTES, handleResendWebhook } from "@/lib/subscribers/provider-webhook";

/**
 * Resend's webhooks (bounces and complaints suppress the address; lib/subscribers/provider-webhook.ts). Without
 * RESEND_WEBHOOK_SECRET there is no such route (404). The body is read up to 64 KiB; a bad signature or a stale
 * timestamp → 400 and nothing changes.
 */
export const POST = route("resend webhook", async (request) => {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) throw new AppError("not_found");
  const body = (await readBody(request, MAX_WEBHOOK_BYTES)).toString("utf8");
  const result = await handleResendWebhook(await getDb(), secret, body, request.headers);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
