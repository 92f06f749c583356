import { z } from "zod";
import { getDb } from "@/db";
import { findDevMail } from "@/db/queries/dev-mailbox";
import { usesDevMailbox } from "@/lib/env";
import { isLocalRequest } from "@/lib/security/local-only";

/** A stored email's HTML, sandboxed: no scripts, nothing loaded from anywhere. On this machine only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isLocalRequest(request.headers)) return new Response("The dev mailbox opens only on this computer.\n", { status: 403, headers: { "Cache-Control": "no-store" } });
  const id = z.uuid().safeParse((await params).id);
  const mail = usesDevMailbox() && id.success ? await findDevMail(await getDb(), id.data) : null;
  if (!mail) return new Response("Not found", { status: 404 });
  return new Response(mail.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
