import { getDb } from "@/db";
import { isAppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { problem, seeOther, unexpected, wantsJson } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { type Confirmable, type ConfirmOutcome, confirmByToken } from "./confirm-by-token";
import { linkTokenSchema } from "./tokens";

/**
 * The POST behind every confirmation landing's button. Confirmed (or confirmed before) → 303 to `next`;
 * a bad, expired or closed token → 303 back to the landing, which explains (its GET shows the state);
 * JSON clients get the outcome or a problem with a 4xx.
 */
export function confirmationRoute<R>(confirmable: Confirmable<R>, next: (locale: Locale, outcome: ConfirmOutcome<R>) => string) {
  return async function handlePost(request: Request): Promise<Response> {
    const json = wantsJson(request);
    let locale: Locale = "ru";
    let token = "";
    try {
      const body = await readForm(request);
      if (isLocale(body.locale)) locale = body.locale;
      token = typeof body.token === "string" ? body.token : "";
      const outcome = await confirmByToken(await getDb(), confirmable, token);
      const to = next(locale, outcome);
      return json ? Response.json({ status: outcome.outcome, next: to }) : seeOther(to);
    } catch (error) {
      const appError = isAppError(error) ? error : unexpected(error, `confirm ${confirmable.kind}`);
      if (json) return problem(appError);
      if (["token_invalid", "token_expired", "confirmation_closed"].includes(appError.code)) {
        return seeOther(`/${locale}/confirmations/${confirmable.kind}/${linkTokenSchema.safeParse(token).success ? token : "invalid"}`);
      }
      return problem(appError);
    }
  };
}
