import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { appUrl } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { refusal } from "@/lib/organizers/outcome";
import { exportSignatures } from "@/lib/petitions/export-signatures";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

/**
 * The signers' export with addresses (admins only), as a download. POST, because every export is recorded; the form posts from our own
 * origin (the session cookie is SameSite=Lax, and a foreign Origin is refused here too).
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; petitionId: string }> }) {
  const { locale: rawLocale, petitionId } = await params;
  const locale = isLocale(rawLocale) ? rawLocale : "ru";
  if (!isSameOriginPost(request.headers)) return plain(403, "Forbidden");
  const t = await getTranslations({ locale, namespace: "dashboard.export" });
  try {
    const out = await exportSignatures(await getDb(), await currentActor(), {
      petitionId,
      labels: { name: t("columns.name"), confirmedAt: t("columns.confirmedAt"), email: t("columns.email") },
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await out.lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${out.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    const outcome = refusal(error);
    if (outcome === "sign-in") {
      const back = `/${locale}/dashboard/petitions/${petitionId}`;
      return Response.redirect(`${appUrl()}/${locale}/sign-in?${new URLSearchParams({ callbackUrl: back })}`, 303);
    }
    if (outcome === 404) return plain(404, t("notFound"));
    if (outcome === "second-factor") return Response.redirect(`${appUrl()}/${locale}/dashboard/second-factor`, 303);
    throw error;
  }
}
