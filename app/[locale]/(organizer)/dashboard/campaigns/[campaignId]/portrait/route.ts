import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { maxPortraitBytes, uploadPortrait } from "@/lib/campaigns/upload-portrait";
import { appUrl } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { readBody } from "@/lib/http/read-form";
import { dashboardRoute } from "../../../../_components/dashboard-route";

/**
 * The portrait upload, a multipart form POST (a route handler rather than a server action: it can refuse an
 * oversized body before reading it). Answers 303 back to the profile editor, with the error if any.
 */
export const POST = dashboardRoute<{ campaignId: string }>(
  "portrait",
  (p) => `/${p.locale}/dashboard/campaigns/${p.campaignId}/profile`,
  async (request, { locale, campaignId }) => {
    const back = (query: string) => Response.redirect(`${appUrl()}/${locale}/dashboard/campaigns/${encodeURIComponent(campaignId)}/profile?${query}#portrait`, 303);
    const actor = await currentActor();
    if (!actor) throw new AppError("unauthenticated");
    // Multipart framing adds a little; a body much larger than the cap is refused, declared or streamed.
    let file: FormDataEntryValue | null = null;
    try {
      const bytes = await readBody(request, maxPortraitBytes + 64 * 1024);
      const type = request.headers.get("content-type") ?? "";
      file = (await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData()).get("portrait");
    } catch (error) {
      return back(isAppError(error, "body_too_large") ? "portraitError=image_too_large" : "portraitError=image_invalid");
    }
    if (!file || typeof file === "string" || file.size === 0) return back("portraitError=required");
    try {
      await uploadPortrait(await getDb(), actor, { campaignId, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (error) {
      if (isAppError(error) && error.fields.portrait) return back(`portraitError=${error.fields.portrait}`);
      throw error;
    }
    return back("notice=portrait");
  },
);
