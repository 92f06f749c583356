import "server-only";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { appUrl } from "@/lib/env";
import { type RouteScope, route } from "@/lib/http/boundary";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { refusal } from "@/lib/organizers/outcome";
import { getDb } from "@/db";
import { recordRefusal } from "@/lib/audit/security-events";
import { currentActor } from "@/lib/auth/current-actor";
import { secondFactorHref, signInHref } from "./guard";

type Ctx<P> = { params: Promise<P & { locale: string }> };

export const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

/** A file the browser saves, never renders. */
export function download(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

/** Lines produced as the client reads them (an export never sits whole in memory). */
export function streamLines(lines: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/**
 * A dashboard POST route (exports, uploads) on the one boundary: from our own origin only (the session cookie is
 * SameSite=Lax, and a foreign Origin is refused here too); a refused operation sends an anonymous visitor to sign in
 * (and back to `back`), an admin owing a second factor to its page, a refused or unknown row to a plain 404.
 */
export function dashboardRoute<P>(
  name: string,
  back: (params: P & { locale: string }) => string,
  handler: (request: Request, params: P & { locale: Locale }, scope: RouteScope) => Promise<Response>,
) {
  return route<Ctx<P>>(
    name,
    async (request, { params }, scope) => {
      const p = await params;
      scope.locale = isLocale(p.locale) ? p.locale : scope.locale;
      if (!isSameOriginPost(request.headers)) return plain(403, "Forbidden");
      return handler(request, { ...p, locale: scope.locale }, scope);
    },
    async (error, request, { params }, scope) => {
      const outcome = refusal(error);
      if (outcome === 404) await recordRefusal(await getDb(), error, (await currentActor())?.userId, new URL(request.url).pathname);
      if (outcome === "sign-in") return Response.redirect(`${appUrl()}${signInHref(scope.locale, back(await params))}`, 303);
      if (outcome === "second-factor") return Response.redirect(`${appUrl()}${secondFactorHref(scope.locale)}`, 303);
      if (outcome === 404) return plain(404, translator(scope.locale)("dashboard.export.notFound"));
      return undefined;
    },
  );
}
