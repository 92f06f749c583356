import { getDb } from "@/db";
import { findPetitionForSignPage, findPetitionSigningState } from "@/db/queries/petitions";
import { renderSignErrorPage, signErrorMessages, signFormAction } from "@/app/_components/sign-error-page";
import { clientKey } from "@/lib/abuse/rate-limit";
import { recordSecurityEvent } from "@/lib/audit/security-events";
import { POW_FIELD, checkPow, powIsFraud } from "@/lib/abuse/proof-of-work";
import { abuseVerdict } from "@/lib/abuse/rules";
import { addressPolicy } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { html, seeOther } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { fieldErrors } from "@/lib/validation/field-errors";
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
 * (4xx) — public/enhance.js posts the same way and shows that form in place; API clients (Accept:
 * application/json) get JSON.
 */
export const POST = route<Ctx>(
  "sign",
  async (request, { params }, scope) => {
    // The form first: even an unknown petition's answer is in the language the form asked for.
    scope.body = await readForm(request, SIGN_FORM_MAX_BYTES);
    if (isLocale(scope.body.locale)) scope.locale = scope.body.locale;
    const slug = slugSchema.safeParse((await params).slug);
    if (!slug.success) throw new AppError("petition_not_found");
    const parsed = signInputSchema.safeParse(scope.body);
    if (!parsed.success) throw new AppError("invalid_input", fieldErrors(parsed.error, (field) => `${field}_invalid`));
    const db = await getDb();
    // Block and allow lists (cached per process for seconds: no query per signature). Blocked: kept as fraudulent,
    // answered like anyone. Allowed: no per-client limit.
    const address = clientAddress(request.headers, addressPolicy());
    const verdict = await abuseVerdict(db, { address, email: parsed.data.email });
    const client = verdict === "allow" ? null : clientKey(address);
    // A security event names the petition by its id, as the group commit's limit trips do (a slug can change);
    // looked up only on these rare paths, never on the fast one.
    const target = async () => (await findPetitionSigningState(db, slug.data))?.id ?? "unknown";
    if (verdict === "block") await recordSecurityEvent(db, { kind: "block_hit", action: "sign", client: client!, target: await target() });
    // With JavaScript on, the form carries a proof of work; a forged or replayed one is shadow-banned like a block.
    const forged = powIsFraud(await checkPow(db, scope.body[POW_FIELD]));
    if (forged) await recordSecurityEvent(db, { kind: "pow_forged", action: "sign", client: clientKey(address), target: await target() });
    await signPetition({ db, client, blocked: verdict === "block" || forged }, slug.data, parsed.data);
    const next = `/${scope.locale}/petitions/${slug.data}/signed`;
    return scope.json ? Response.json({ status: "check_email", next }, { status: 202 }) : seeOther(next);
  },
  async (error, _request, { params }, scope) => (scope.json ? undefined : signErrorResponse(error, (await params).slug, scope.locale, scope.body ?? {})),
);

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
