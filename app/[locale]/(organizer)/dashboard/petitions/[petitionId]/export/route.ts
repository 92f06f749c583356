import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { translator } from "@/lib/i18n/translator";
import { exportSignatures } from "@/lib/petitions/export-signatures";
import { dashboardRoute, download, streamLines } from "../../../../_components/dashboard-route";

/**
 * The signers' export with addresses (admins only), as a download. POST, because every export is recorded.
 */
export const POST = dashboardRoute<{ petitionId: string }>(
  "export",
  (p) => `/${p.locale}/dashboard/petitions/${p.petitionId}`,
  async (_request, { locale, petitionId }) => {
    const t = translator(locale);
    const out = await exportSignatures(await getDb(), await currentActor(), {
      petitionId,
      labels: { name: t("dashboard.export.columns.name"), confirmedAt: t("dashboard.export.columns.confirmedAt"), email: t("dashboard.export.columns.email") },
    });
    return download(streamLines(out.lines), "text/csv; charset=utf-8", out.filename);
  },
);
