import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { seeOther } from "@/lib/http/responses";
import { isLocale } from "@/lib/i18n/locales";
import { findSubscriptionByManageToken, unsubscribe } from "@/lib/subscribers/manage-subscription";

type Ctx = { params: Promise<{ token: string }> };

const pagePath = (locale: string, token: string) => `/${locale}/unsubscribe/${/^[A-Za-z0-9_-]{1,64}$/.test(token) ? token : "invalid"}`;

/** The List-Unsubscribe URL opened in a browser: the page with the button, in the subscriber's language. Changes nothing. */
export const GET = route<Ctx>("unsubscribe page", async (_request, { params }, scope) => {
  const { token } = await params;
  const found = await findSubscriptionByManageToken(await getDb(), token);
  return seeOther(pagePath(found?.locale ?? scope.locale, token));
});

/**
 * RFC 8058 one-click unsubscribe: a mail provider POSTs `List-Unsubscribe=One-Click` server to server, with no
 * cookie and no Origin (scripts/cross-site.mjs lets such a request through). Leaves this campaign's list and
 * answers 200, also when repeated; an unknown or tampered token → 404, nothing changed. The page's own button
 * posts the same body with `via=page` and is sent back to the page, which says what happened.
 */
export const POST = route<Ctx>(
  "one-click unsubscribe",
  async (request, { params }, scope) => {
    const { token } = await params;
    const body = await readForm(request);
    if (isLocale(body.locale)) scope.locale = body.locale;
    scope.body = { via: body.via === "page" ? "page" : "mail", token };
    if (body["List-Unsubscribe"] !== "One-Click") throw new AppError("bad_request");
    await unsubscribe(await getDb(), token, "campaign");
    if (scope.body.via === "page") return seeOther(`${pagePath(scope.locale, token)}?done=1`);
    return new Response("Unsubscribed.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  },
  (error, _request, _ctx, scope) => {
    if (scope.body?.via === "page" && typeof scope.body.token === "string") return seeOther(pagePath(scope.locale, scope.body.token));
    return new Response(`${error.code}\n`, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  },
);
