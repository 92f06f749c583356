import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { seeOther } from "@/lib/http/responses";
import { isLocale } from "@/lib/i18n/locales";
import { cancelRsvp, confirmStillComing } from "@/lib/rallies/manage-rsvp";
import { rsvpManageSchema } from "@/lib/validation/rallies";

/** The manage page's buttons: cancel my place, or "still coming". 303 back to the page, which says what happened. */
export const POST = route(
  "rsvp manage",
  async (request, _ctx, scope) => {
    const body = await readForm(request);
    if (isLocale(body.locale)) scope.locale = body.locale;
    const parsed = rsvpManageSchema.safeParse(body);
    if (!parsed.success) throw new AppError("token_invalid");
    scope.body = { token: parsed.data.token };
    const db = await getDb();
    const token = parsed.data.token;
    const result = parsed.data.action === "cancel" ? await cancelRsvp(db, token) : await confirmStillComing(db, token);
    const done = result.outcome === "still_coming" ? "coming" : "cancelled";
    return scope.json ? Response.json({ status: result.outcome }) : seeOther(`/${scope.locale}/rsvp/${token}?done=${done}`);
  },
  // The manage page explains a bad or spent token itself.
  (_error, _request, _ctx, scope) => (scope.json || !scope.body?.token ? undefined : seeOther(`/${scope.locale}/rsvp/${scope.body.token}`)),
);
