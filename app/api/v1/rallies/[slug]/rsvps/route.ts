import { renderRsvpErrorPage } from "@/app/_components/rallies/rsvp-error-page";
import { getDb } from "@/db";
import { findVisibleRallyBySlug } from "@/db/queries/rallies";
import { AppError, isAppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { html, problem, seeOther, unexpected, wantsJson } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { getJobs } from "@/lib/jobs/runtime";
import { rsvpToRally } from "@/lib/rallies/rsvp-to-rally";
import { slugSchema } from "@/lib/validation/petitions";
import { rsvpInputSchema } from "@/lib/validation/rallies";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * POST an RSVP. A plain HTML form gets 303 to "check your email", or its form back with messages (4xx);
 * JSON clients get 202 or a problem. Nothing is written for a refused RSVP.
 */
export async function POST(request: Request, { params }: Ctx) {
  const { slug: rawSlug } = await params;
  const json = wantsJson(request);
  let locale: Locale = "ru";
  let body: Record<string, unknown> = {};
  try {
    const slug = slugSchema.safeParse(rawSlug);
    if (!slug.success) throw new AppError("rally_not_found");
    body = await readForm(request);
    if (isLocale(body.locale)) locale = body.locale;
    const parsed = rsvpInputSchema.safeParse(body);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        fields[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : `${field}_invalid`;
      }
      throw new AppError("invalid_input", fields);
    }
    await rsvpToRally({ db: await getDb(), jobs: await getJobs() }, slug.data, parsed.data);
    const next = `/${locale}/rallies/${slug.data}/check-email`;
    return json ? Response.json({ status: "check_email", next }, { status: 202 }) : seeOther(next);
  } catch (error) {
    const appError = isAppError(error) ? error : unexpected(error, "rsvp");
    if (json) return problem(appError);
    return errorPage(appError, rawSlug, locale, body);
  }
}

async function errorPage(error: AppError, rawSlug: string, locale: Locale, body: Record<string, unknown>) {
  const slug = slugSchema.safeParse(rawSlug);
  const row = slug.success ? await findVisibleRallyBySlug(await getDb(), slug.data).catch(() => null) : null;
  // Unknown rally: its page answers with the translated 404.
  if (!row || error.code === "rally_not_found") return seeOther(`/${locale}/rallies/${slug.success ? slug.data : "unknown"}`);
  return html(await renderRsvpErrorPage({ error, rally: row.rally, locale, body }), error.status);
}
