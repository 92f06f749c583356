import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { getUpdateProgress } from "@/lib/updates/get-update-editor";
import { dashboardRoute } from "../../../../_components/dashboard-route";

/** The progress bar's figures as JSON (polled by app/_components/update-progress.tsx while the page is open). */
export const GET = dashboardRoute<{ updateId: string }>(
  "update-progress",
  (p) => `/${p.locale}/dashboard/updates/${p.updateId}`,
  async (_request, { updateId }) =>
    Response.json(await getUpdateProgress(await getDb(), await currentActor(), updateId), { headers: { "cache-control": "no-store" } }),
);
