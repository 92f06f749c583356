import { getDb } from "@/db";
import { findMedia } from "@/db/queries/campaign-admin";
import { currentActor } from "@/lib/auth/current-actor";
import { AppError, isAppError } from "@/lib/errors";
import { route } from "@/lib/http/boundary";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { idSchema } from "@/lib/validation/organizers";
import { isPublicCampaign } from "@/lib/campaigns/state";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });

/**
 * Uploaded images (`/media/<id>.webp`), from the database so every process serves them. Only re-encoded
 * images are stored; they go out with their exact type, nosniff and `inline` disposition. A draft campaign's
 * images are visible to its organizers only: to anyone else, refused or not, it does not exist.
 */
export const GET = route<{ params: Promise<{ file: string }> }>(
  "media",
  async (_request, { params }) => {
    const id = (await params).file.replace(/\.webp$/, "");
    if (!idSchema.safeParse(id).success) throw new AppError("not_found");
    const db = await getDb();
    const media = await findMedia(db, id);
    if (!media) throw new AppError("not_found");
    const isPublic = isPublicCampaign(media.campaignState);
    if (!isPublic) await authorizeCampaign(db, await currentActor(), media.campaignId);
    return new Response(new Uint8Array(media.bytes), {
      headers: {
        "content-type": media.contentType,
        "content-length": String(media.bytes.length),
        "content-disposition": `inline; filename="${media.id}.webp"`,
        "x-content-type-options": "nosniff",
        // Short-lived, so taking a campaign down takes its images down soon after; a draft's stay private.
        "cache-control": isPublic ? "public, max-age=300" : "private, no-store",
      },
    });
  },
  // Any refusal (signed out, second factor owed, not theirs) is the same 404 as a missing image.
  (error) => (isAppError(error) ? notFound() : undefined),
);
