import { getDb } from "@/db";
import { findVisiblePetitionBySlug } from "@/db/queries/petitions";
import { isOpenForSigning } from "@/lib/petitions/state";
import { isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { slugSchema } from "@/lib/validation/petitions";
import { route } from "@/lib/http/boundary";

type Ctx = { params: Promise<{ slug: string }> };

/** Public figures of a petition. No personal data: shared caches keep it for seconds (next.config.js). */
export const GET = route<Ctx>("petition-figures", async (request, { params }) => {
  const slug = slugSchema.safeParse((await params).slug);
  const row = slug.success ? await findVisiblePetitionBySlug(await getDb(), slug.data) : null;
  if (!row) return Response.json({ error: "petition_not_found" }, { status: 404 });
  const requested = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(requested) ? requested : "en";
  const { petition, count } = row;
  // next.config.js marks this public for shared caches (its header wins); this one is for everyone it does not:
  // a request with a sign-in cookie.
  const headers = { "Cache-Control": "private, no-store" };
  return Response.json({
    slug: petition.slug,
    title: pick(petition.title, locale),
    locale,
    count,
    goal: petition.goal,
    state: petition.state,
    open: isOpenForSigning(petition),
    deadline: petition.deadline?.toISOString() ?? null,
  }, { headers });
});
