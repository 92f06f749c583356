import { getDb } from "@/db";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { seeOther } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { type Confirmable, type ConfirmOutcome, confirmByToken } from "./confirm-by-token";
import { linkTokenSchema } from "./tokens";

/**
 * The POST behind every confirmation landing's button. Confirmed (or confirmed before) → 303 to `next`;
 * a bad, expired or closed token → 303 back to the landing, which explains (its GET shows the state);
 * JSON clients get the outcome or a problem with a 4xx.
 */
export function confirmationRoute<R>(confirmable: Confirmable<R>, next: (locale: Locale, outcome: ConfirmOutcome<R>) => string) {
  return route(
    `confirm ${confirmable.kind}`,
    async (request, _ctx, scope) => {
      const body = await readForm(request);
      if (isLocale(body.locale)) scope.locale = body.locale;
      const token = typeof body.token === "string" ? body.token : "";
      scope.body = { token };
      const outcome = await confirmByToken(await getDb(), confirmable, token);
      const to = next(scope.locale, outcome);
      return scope.json ? Response.json({ status: outcome.outcome, next: to }) : seeOther(to);
    },
    (error, _request, _ctx, scope) => {
      if (scope.json || !["token_invalid", "token_expired", "confirmation_closed"].includes(error.code)) return undefined;
      const token = linkTokenSchema.safeParse(scope.body?.token).success ? String(scope.body?.token) : "invalid";
      return seeOther(confirmable.landingPath?.(scope.locale, token) ?? `/${scope.locale}/confirmations/${confirmable.kind}/${token}`);
    },
  );
}
