import { getDb } from "@/db";
import { findMedia } from "@/db/queries/campaign-admin";
import { currentActor } from "@/lib/auth/current-actor";
import { authorizeCampaign } from "@/lib/organizers/authorize";
import { idSchema } from "@/lib/validation/organizers";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });

/**
 * Uploaded images (`/media/<id>.webp`), from the database so every process serves them. Only re-encoded
 * images are stored; they go out with their exact type, nosniff and `inline` disposition. A draft campaign's
 * images are visible to its organizers only.
 */
export async function GET(_: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const id = file.replace(/\.webp$/, "");
  if (!idSchema.safeParse(id).success) return notFound();
  const db = await getDb();
  const media = await findMedia(db, id);
  if (!media) return notFound();
  const isPublic = media.campaignState === "published";
  if (!isPublic) {
    try {
      await authorizeCampaign(db, await currentActor(), media.campaignId);
    } catch {
      return notFound();
    }
  }
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
}
