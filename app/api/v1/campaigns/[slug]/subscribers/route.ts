import { renderSubscribeErrorPage } from "@/app/_components/subscribe-error-page";
import { getDb } from "@/db";
import { findPublicCampaignBySlug } from "@/db/queries/campaigns";
import { POW_FIELD, checkPow } from "@/lib/abuse/proof-of-work";
import { addressPolicy } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/boundary";
import { readForm } from "@/lib/http/read-form";
import { html, seeOther } from "@/lib/http/responses";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { subscribeToCampaign } from "@/lib/subscribers/subscribe";
import { fieldErrors } from "@/lib/validation/field-errors";
import { slugSchema } from "@/lib/validation/petitions";
import { subscribeInputSchema } from "@/lib/validation/subscribers";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * POST the standalone "get updates" form. A plain HTML form gets 303 to "check your email" (the same page
 * whether or not the address was known), or its form back with the message (4xx, nothing written); JSON
 * clients get 202 or a problem.
 */
export const POST = route<Ctx>(
  "subscribe",
  async (request, { params }, scope) => {
    // The form first: even an unknown campaign's 404 is in the language the form asked for.
    scope.body = await readForm(request);
    if (isLocale(scope.body.locale)) scope.locale = scope.body.locale;
    const slug = slugSchema.safeParse((await params).slug);
    if (!slug.success) throw new AppError("not_found");
    const parsed = subscribeInputSchema.safeParse(scope.body);
    if (!parsed.success) throw new AppError("invalid_input", fieldErrors(parsed.error, (field) => `${field}_invalid`));
    const db = await getDb();
    const client = { address: clientAddress(request.headers, addressPolicy()), pow: await checkPow(db, scope.body[POW_FIELD]) };
    await subscribeToCampaign(db, slug.data, parsed.data, { client });
    const next = `/${scope.locale}/subscribe/check-email`;
    return scope.json ? Response.json({ status: "check_email", next }, { status: 202 }) : seeOther(next);
  },
  async (error, _request, { params }, scope) => (scope.json ? undefined : errorPage(error, (await params).slug, scope.locale, scope.body ?? {})),
);

async function errorPage(error: AppError, rawSlug: string, locale: Locale, body: Record<string, unknown>) {
  const slug = slugSchema.safeParse(rawSlug);
  const campaign = slug.success ? await findPublicCampaignBySlug(await getDb(), slug.data).catch(() => null) : null;
  // Unknown campaign: the default translated 404 page.
  if (!campaign || error.code === "not_found") return undefined;
  return html(await renderSubscribeErrorPage({ error, campaign, locale, body }), error.status);
}
