import { z } from "zod";
import { getDb } from "@/db";
import { findDevMail } from "@/db/queries/dev-mailbox";
import { usesDevMailbox } from "@/lib/env";
import { isLocalRequest } from "@/lib/security/local-only";
import { route } from "@/lib/http/boundary";

/** Sandboxed (no scripts, no forms, nothing loaded from anywhere) but with the mail's own inline styles. */
const headers = {
  "Content-Security-Policy":
    "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'",
  "Cache-Control": "no-store",
};
const text = { ...headers, "Content-Type": "text/plain; charset=utf-8" };

/** A stored email's HTML. On this machine only. */
export const GET = route<{ params: Promise<{ id: string }> }>("dev-mailbox", async (request, { params }) => {
  if (!isLocalRequest(request.headers)) return new Response("The dev mailbox opens only on this computer.\n", { status: 403, headers: text });
  const id = z.uuid().safeParse((await params).id);
  const mail = usesDevMailbox() && id.success ? await findDevMail(await getDb(), id.data) : null;
  if (!mail) return new Response("Not found", { status: 404, headers: text });
  return new Response(mail.html, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
});
