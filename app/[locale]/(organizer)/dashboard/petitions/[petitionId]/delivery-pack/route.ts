import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { appUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { isLocale } from "@/lib/i18n/locales";
import { refusal } from "@/lib/organizers/outcome";
import { buildDeliveryPack } from "@/lib/petitions/build-delivery-pack";
import { deliveryPackCsv, deliveryPackPdf } from "@/lib/petitions/delivery-pack-files";
import { deliveryPackSchema } from "@/lib/validation/organizers";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

const download = (body: ReadableStream<Uint8Array>, type: string, filename: string) =>
  new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });

/**
 * The delivery pack, as a download (PDF or CSV, in the language asked for). POST, because every download
 * is recorded; from our own origin only.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; petitionId: string }> }) {
  const { locale: rawLocale, petitionId } = await params;
  const locale = isLocale(rawLocale) ? rawLocale : "ru";
  if (!isSameOriginPost(request.headers)) return plain(403, "Forbidden");
  const t = await getTranslations({ locale, namespace: "dashboard" });
  try {
    const parsed = deliveryPackSchema.safeParse(await readForm(request));
    if (!parsed.success) return plain(422, t("errors.invalid"));
    const { format, language } = parsed.data;
    const pack = await buildDeliveryPack(await getDb(), await currentActor(), { petitionId, locale: language, format });
    const filename = `${pack.petition.slug}-delivery-${language}.${format}`;
    if (format === "pdf") return download(deliveryPackPdf(pack, appUrl()), "application/pdf", filename);
    const encoder = new TextEncoder();
    const lines = deliveryPackCsv(pack, appUrl());
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return download(body, "text/csv; charset=utf-8", filename);
  } catch (error) {
    const outcome = refusal(error);
    if (outcome === "sign-in") {
      const back = `/${locale}/dashboard/petitions/${petitionId}`;
      return Response.redirect(`${appUrl()}/${locale}/sign-in?${new URLSearchParams({ callbackUrl: back })}`, 303);
    }
    if (outcome === 404) return plain(404, t("export.notFound"));
    if (isAppError(error)) return plain(error.status, t("errors.invalid"));
    throw error;
  }
}
