import { getDb } from "@/db";
import { AppError, isAppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { problem, seeOther, unexpected, wantsJson } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { confirmInputSchema } from "@/lib/validation/signatures";

/**
 * The confirmation page's button posts here (a GET of the emailed link never confirms: mail scanners
 * open links). Success → 303 to the thank-you page; a bad or expired token, or a petition whose late
 * confirmations are over → 303 back to the link's page, which explains.
 */
export async function POST(request: Request) {
  const json = wantsJson(request);
  let locale: Locale = "ru";
  let token = "";
  try {
    const body = await readForm(request);
    if (isLocale(body.locale)) locale = body.locale;
    const parsed = confirmInputSchema.safeParse(body);
    if (!parsed.success) throw new AppError("token_invalid");
    token = parsed.data.token;
    const result = await confirmSignature(await getDb(), token);
    const next = `/${locale}/petitions/${result.petitionSlug}/thanks${result.outcome === "already_confirmed" ? "?already=1" : ""}`;
    return json ? Response.json({ status: result.outcome, next }) : seeOther(next);
  } catch (error) {
    const appError = isAppError(error) ? error : unexpected(error, "confirm");
    if (json) return problem(appError);
    if (appError.code === "token_invalid" || appError.code === "token_expired" || appError.code === "confirmation_closed") {
      return seeOther(`/${locale}/confirm/${/^[A-Za-z0-9_-]{1,64}$/.test(token) ? token : "invalid"}`);
    }
    return problem(appError);
  }
}
