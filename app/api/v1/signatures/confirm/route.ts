import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { seeOther } from "@/lib/http/responses";
import { isLocale } from "@/lib/i18n/locales";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { confirmInputSchema } from "@/lib/validation/signatures";

/**
 * The confirmation page's button posts here (a GET of the emailed link never confirms: mail scanners
 * open links). Success → 303 to the thank-you page; a bad or expired token, or a petition whose late
 * confirmations are over → 303 back to the link's page, which explains.
 */
export const POST = route(
  "confirm",
  async (request, _ctx, scope) => {
    const body = await readForm(request);
    if (isLocale(body.locale)) scope.locale = body.locale;
    const parsed = confirmInputSchema.safeParse(body);
    if (!parsed.success) throw new AppError("token_invalid");
    scope.body = { token: parsed.data.token };
    const result = await confirmSignature(await getDb(), parsed.data.token);
    const next = `/${scope.locale}/petitions/${result.petitionSlug}/thanks${result.outcome === "already_confirmed" ? "?already=1" : ""}`;
    return scope.json ? Response.json({ status: result.outcome, next }) : seeOther(next);
  },
  (error, _request, _ctx, scope) => {
    if (scope.json || !["token_invalid", "token_expired", "confirmation_closed"].includes(error.code)) return undefined;
    const token = typeof scope.body?.token === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(scope.body.token) ? scope.body.token : "invalid";
    return seeOther(`/${scope.locale}/confirm/${token}`);
  },
);
