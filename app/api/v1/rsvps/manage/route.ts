import { getDb } from "@/db";
import { AppError, isAppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { problem, seeOther, unexpected, wantsJson } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { cancelRsvp, confirmStillComing } from "@/lib/rallies/manage-rsvp";
import { rsvpManageSchema } from "@/lib/validation/rallies";

/** The manage page's buttons: cancel my place, or "still coming". 303 back to the page, which says what happened. */
export async function POST(request: Request) {
  const json = wantsJson(request);
  let locale: Locale = "ru";
  let token = "";
  try {
    const body = await readForm(request);
    if (isLocale(body.locale)) locale = body.locale;
    const parsed = rsvpManageSchema.safeParse(body);
    if (!parsed.success) throw new AppError("token_invalid");
    token = parsed.data.token;
    const db = await getDb();
    const result = parsed.data.action === "cancel" ? await cancelRsvp(db, token) : await confirmStillComing(db, token);
    const done = result.outcome === "still_coming" ? "coming" : "cancelled";
    return json ? Response.json({ status: result.outcome }) : seeOther(`/${locale}/rsvp/${token}?done=${done}`);
  } catch (error) {
    const appError = isAppError(error) ? error : unexpected(error, "rsvp manage");
    if (json || !token) return problem(appError);
    return seeOther(`/${locale}/rsvp/${token}`);
  }
}
