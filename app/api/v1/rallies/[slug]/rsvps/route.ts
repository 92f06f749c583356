import { renderRsvpErrorPage } from "@/app/_components/rallies/rsvp-error-page";
import { getDb } from "@/db";
import { findVisibleRallyBySlug } from "@/db/queries/rallies";
import { addressPolicy } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { POW_FIELD, checkPow } from "@/lib/abuse/proof-of-work";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { html, seeOther } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { getJobs } from "@/lib/jobs/runtime";
import { rsvpToRally } from "@/lib/rallies/rsvp-to-rally";
import { slugSchema } from "@/lib/validation/petitions";
import { rsvpInputSchema } from "@/lib/validation/rallies";
import { fieldErrors } from "@/lib/validation/field-errors";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * POST an RSVP. A plain HTML form gets 303 to "check your email", or its form back with messages (4xx);
 * JSON clients get 202 or a problem. Nothing is written for a refused RSVP.
 */
export const POST = route<Ctx>(
  "rsvp",
  async (request, { params }, scope) => {
    // The form first: even an unknown rally's answer is in the language the form asked for.
    scope.body = await readForm(request);
    if (isLocale(scope.body.locale)) scope.locale = scope.body.locale;
    const slug = slugSchema.safeParse((await params).slug);
    if (!slug.success) throw new AppError("rally_not_found");
    const parsed = rsvpInputSchema.safeParse(scope.body);
    if (!parsed.success) throw new AppError("invalid_input", fieldErrors(parsed.error, (field) => `${field}_invalid`));
    const db = await getDb();
    const client = { address: clientAddress(request.headers, addressPolicy()), pow: await checkPow(db, scope.body[POW_FIELD]) };
    await rsvpToRally({ db, jobs: await getJobs() }, slug.data, parsed.data, { client });
    const next = `/${scope.locale}/rallies/${slug.data}/check-email`;
    return scope.json ? Response.json({ status: "check_email", next }, { status: 202 }) : seeOther(next);
  },
  async (error, _request, { params }, scope) => (scope.json ? undefined : errorPage(error, (await params).slug, scope.locale, scope.body ?? {})),
);

async function errorPage(error: AppError, rawSlug: string, locale: Locale, body: Record<string, unknown>) {
  const slug = slugSchema.safeParse(rawSlug);
  const row = slug.success ? await findVisibleRallyBySlug(await getDb(), slug.data).catch(() => null) : null;
  // Unknown rally: its page answers with the translated 404.
  if (!row || error.code === "rally_not_found") return seeOther(`/${locale}/rallies/${slug.success ? slug.data : "unknown"}`);
  return html(await renderRsvpErrorPage({ error, rally: row.rally, locale, body }), error.status);
}
