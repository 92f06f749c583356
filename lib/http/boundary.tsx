import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { renderStandalonePage } from "@/app/_components/standalone-page";
import { type AppError, type ErrorCode, isAppError } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { describeError } from "@/lib/log";
import { html, wantsJson } from "./responses";

/**
 * The one HTTP boundary. Every route handler is `route(name, handler)` and every dashboard server action goes
 * through `runFormAction` (lib/http/form-action.ts): domain code throws `AppError`s; here each code becomes a
 * status and a translated message (one table: `errorStatus` in lib/errors.ts and `httpErrors.<code>` in the
 * catalogues), and anything else is logged once, on one line, with a request id, and answered with the
 * translated error page, which shows that id and nothing about the error.
 */

/** Logs an unexpected error once, on one redacted line, and returns the request id shown to the person. */
export function logUnexpected(context: string, error: unknown): string {
  const requestId = randomUUID();
  console.error(`[${context}] request ${requestId} failed: ${describeError(error).replace(/\n\s*/g, " ⏎ ")}`);
  return requestId;
}

/** The translated message for a code, in the person's language. */
export function messageOf(locale: Locale, code: ErrorCode): string {
  return translator(locale)(`httpErrors.${code}`);
}

/** What the handler learned before it failed: the language to answer in, and whether the client wants JSON. */
export type RouteScope = { locale: Locale; json: boolean; body?: Record<string, unknown> };

type Handler<C> = (request: Request, ctx: C, scope: RouteScope) => Promise<Response>;
/** A route's own answer to an AppError (its form again with messages, a redirect); undefined → the default. */
type OnAppError<C> = (error: AppError, request: Request, ctx: C, scope: RouteScope) => Promise<Response | undefined> | Response | undefined;

/** The language of a request before its body is read: `?locale=`, else the first path segment, else the default. */
export function requestLocale(request: Request): Locale {
  const url = new URL(request.url);
  const query = url.searchParams.get("locale");
  if (isLocale(query)) return query;
  const first = url.pathname.split("/")[1];
  return isLocale(first) ? first : defaultLocale;
}

export function route<C>(name: string, handler: Handler<C>, onAppError?: OnAppError<C>): (request: Request, ctx: C) => Promise<Response> {
  return async (request, ctx) => {
    const scope: RouteScope = { locale: requestLocale(request), json: wantsJson(request) };
    try {
      return await handler(request, ctx, scope);
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error) && error.code !== "unexpected") {
        try {
          return (await onAppError?.(error, request, ctx, scope)) ?? appErrorResponse(error, scope);
        } catch (secondary) {
          unstable_rethrow(secondary);
          return unexpectedResponse(logUnexpected(name, secondary), scope);
        }
      }
      return unexpectedResponse(logUnexpected(name, error), scope);
    }
  };
}

export async function appErrorResponse(error: AppError, scope: RouteScope): Promise<Response> {
  const message = messageOf(scope.locale, error.code);
  if (scope.json) {
    const fields = Object.keys(error.fields).length ? { fields: error.fields } : {};
    return Response.json({ error: error.code, ...fields, message }, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  return errorPage(scope.locale, error.status, message);
}

export async function unexpectedResponse(requestId: string, scope: RouteScope): Promise<Response> {
  const t = translator(scope.locale);
  const message = messageOf(scope.locale, "unexpected");
  if (scope.json) return Response.json({ error: "unexpected", message, requestId }, { status: 500, headers: { "Cache-Control": "no-store" } });
  return errorPage(scope.locale, 500, message, t("error.reference", { id: requestId }));
}

async function errorPage(locale: Locale, status: number, message: string, reference?: string): Promise<Response> {
  const t = translator(locale);
  const heading = status >= 500 ? t("error.title") : message;
  const page = await renderStandalonePage({
    locale,
    title: heading,
    heading,
    back: { href: `/${locale}`, text: t("error.home") },
    children: (
      <>
        {status >= 500 ? <p>{message}</p> : null}
        {reference ? <p>{reference}</p> : null}
      </>
    ),
  });
  return html(page, status);
}
