import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readForm } from "@/lib/http/read-form";
import { buildDeliveryPack } from "@/lib/petitions/build-delivery-pack";
import { deliveryPackCsv, deliveryPackPdf } from "@/lib/petitions/delivery-pack-files";
import { deliveryPackSchema } from "@/lib/validation/organizers";
import { dashboardRoute, download, streamLines } from "../../../../_components/dashboard-route";

/**
 * The delivery pack, as a download (PDF or CSV, in the language asked for). POST, because every download
 * is recorded.
 */
export const POST = dashboardRoute<{ petitionId: string }>(
  "delivery pack",
  (p) => `/${p.locale}/dashboard/petitions/${p.petitionId}`,
  async (request, { petitionId }) => {
    const parsed = deliveryPackSchema.safeParse(await readForm(request));
    if (!parsed.success) throw new AppError("invalid_input");
    const { format, language } = parsed.data;
    const pack = await buildDeliveryPack(await getDb(), await currentActor(), { petitionId, locale: language, format });
    const filename = `${pack.petition.slug}-delivery-${language}.${format}`;
    if (format === "pdf") return download(deliveryPackPdf(pack, appUrl()), "application/pdf", filename);
    return download(streamLines(deliveryPackCsv(pack, appUrl())), "text/csv; charset=utf-8", filename);
  },
);
