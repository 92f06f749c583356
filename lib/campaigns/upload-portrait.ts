import sharp from "sharp";
import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { insertMedia, updateProfilePortrait } from "@/db/queries/campaign-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeCampaign } from "@/lib/organizers/authorize";

export const maxPortraitBytes = 5 * 1024 * 1024;
const maxSide = 1200;
/** Refuses "decompression bombs": a small file that decodes to a giant image. */
const maxInputPixels = 40_000_000;

/** What the first bytes say the file is; the browser's content type is not trusted. */
export function sniffImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a && b(6) === 0x1a && b(7) === 0x0a) return "image/png";
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "image/jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/**
 * Re-encodes an uploaded portrait as WebP (at most 1200 px a side, orientation applied), which drops EXIF —
 * a photo's GPS position can endanger the people around the person — and anything else hidden in the file.
 */
export async function reencodePortrait(bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError("invalid_input", { portrait: "required" });
  if (bytes.length > maxPortraitBytes) throw new AppError("body_too_large", { portrait: "image_too_large" });
  if (!sniffImageType(bytes)) throw new AppError("unsupported_media_type", { portrait: "image_type" });
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: "error" })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, contentType: "image/webp" as const };
  } catch {
    throw new AppError("invalid_input", { portrait: "image_invalid" });
  }
}

/** Stores a new portrait for the campaign's profile; the public profile shows it from /media/<id>.webp. */
export async function uploadPortrait(db: Db, actor: Actor | null, input: { campaignId: string; bytes: Uint8Array }) {
  const { campaign } = await authorizeCampaign(db, actor, input.campaignId);
  const image = await reencodePortrait(input.bytes);
  return db.transaction(async (tx) => {
    const { actor: a } = await authorizeCampaign(tx, actor, campaign.id);
    const { id } = await insertMedia(tx, { campaignId: campaign.id, uploadedBy: a.userId, ...image });
    const portraitPath = `/media/${id}.webp`;
    await updateProfilePortrait(tx, campaign.id, portraitPath);
    await insertAuditEntry(tx, { actorId: a.userId, action: "profile.portrait", entityType: "media", entityId: id, campaignId: campaign.id });
    return { id, portraitPath };
  });
}
