import { getDb } from "@/db";
import { findPetitionForSignPage } from "@/db/queries/petitions";
import { renderSignErrorPage, signErrorMessages, signFormAction } from "@/app/_components/sign-error-page";
import { AppError, isAppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { html, problem, seeOther, unexpected, wantsJson } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { signPetition } from "@/lib/signatures/sign-petition";
import { signInputSchema } from "@/lib/validation/signatures";
import { slugSchema } from "@/lib/validation/petitions";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * Larger than the app's default form cap: a name pasted far over its limit (5,000 Cyrillic letters are
 * 30 KB urlencoded) still gets its form back, with what was typed and a message, instead of a bare 413.
 */
const SIGN_FORM_MAX_BYTES = 64 * 1024;

/**
 * POST a signature. A plain HTML form gets 303 to "check your email", or its form back with messages
 * (4xx); API clients and the enhancing script (Accept: application/json) get JSON.
 */
export async function POST(request: Request, { params }: Ctx) {
  const { slug: rawSlug } = await params;
  const json = wantsJson(request);
  const queryLocale = new URL(request.url).searchParams.get("locale");
  let locale: Locale = isLocale(queryLocale) ? queryLocale : "ru";
  let body: Record<string, unknown> = {};
  try {
    const slug = slugSchema.safeParse(rawSlug);
    if (!slug.success) throw new AppError("petition_not_found");
    body = await readForm(request, SIGN_FORM_MAX_BYTES);
    if (isLocale(body.locale)) locale = body.locale;
    const parsed = signInputSchema.safeParse(body);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        fields[field] ??= issue.message.match(/^[a-z_]+$/) ? issue.message : `${field}_invalid`;
      }
      throw new AppError("invalid_input", fields);
    }
    const db = await getDb();
    await signPetition({ db }, slug.data, parsed.data);
    const next = `/${locale}/petitions/${slug.data}/signed`;
    return json ? Response.json({ status: "check_email", next }, { status: 202 }) : seeOther(next);
  } catch (error) {
    const appError = isAppError(error) ? error : unexpected(error, "sign");
    if (json) return problem(appError);
    return signErrorResponse(appError, rawSlug, locale, body);
  }
}

async function signErrorResponse(error: AppError, rawSlug: string, locale: Locale, body: Record<string, unknown>) {
  const slug = slugSchema.safeParse(rawSlug);
  const petition = slug.success ? await findPetitionForSignPage(await getDb(), slug.data).catch(() => null) : null;
  // Unknown petition: its page answers with the translated 404.
  if (!petition || error.code === "petition_not_found") return seeOther(`/${locale}/petitions/${slug.success ? slug.data : "unknown"}`);
  const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 10_000) : "");
  const checked = (v: unknown) => v === "on" || v === "true" || v === "1";
  const page = await renderSignErrorPage({
    locale,
    petition,
    action: signFormAction(petition.slug, locale),
    values: {
      name: str(body.name),
      email: str(body.email),
      updates: checked(body.updates),
      public: checked(body.public),
      delivery: checked(body.delivery),
    },
    errors: signErrorMessages(locale, error.fields, error.code === "invalid_input" ? undefined : error.code),
    showForm: error.code !== "petition_closed",
  });
  return html(page, error.status);
}
