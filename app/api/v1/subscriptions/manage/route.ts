import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { seeOther } from "@/lib/http/responses";
import { isLocale } from "@/lib/i18n/locales";
import { changeSubscriptionLanguage, unsubscribe } from "@/lib/subscribers/manage-subscription";
import { preferencesInputSchema } from "@/lib/validation/subscribers";

/**
 * The preferences page's buttons: the language of the emails, leave this list, leave every list. 303 back to the
 * page (in the language chosen), which says what happened; a bad or unknown token → the page, which explains.
 */
export const POST = route(
  "subscription preferences",
  async (request, _ctx, scope) => {
    const body = await readForm(request);
    if (isLocale(body.locale)) scope.locale = body.locale;
    if (typeof body.token === "string") scope.body = { token: body.token };
    const parsed = preferencesInputSchema.safeParse(body);
    if (!parsed.success) throw new AppError("token_invalid");
    const db = await getDb();
    const { token } = parsed.data;
    if (parsed.data.action === "language") {
      const { locale } = await changeSubscriptionLanguage(db, token, parsed.data.language);
      return scope.json ? Response.json({ status: "language_changed", locale }) : seeOther(`/${locale}/subscriptions/${token}?done=language`);
    }
    const { changed } = await unsubscribe(db, token, parsed.data.action === "unsubscribe" ? "campaign" : "everywhere");
    const done = parsed.data.action === "unsubscribe" ? "unsubscribed" : "unsubscribed_all";
    return scope.json ? Response.json({ status: "unsubscribed", changed }) : seeOther(`/${scope.locale}/subscriptions/${token}?done=${done}`);
  },
  (_error, _request, _ctx, scope) => {
    const token = scope.body?.token;
    return scope.json || typeof token !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(token) ? undefined : seeOther(`/${scope.locale}/subscriptions/${token}`);
  },
);
