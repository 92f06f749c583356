import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { findMedia } from "@/db/queries/campaign-admin";
import { findProfile } from "@/db/queries/campaigns";
import { setUpTestDatabase } from "@/db/test-database";
import { makeWorld } from "@/lib/organizers/test-world";
import { maxPortraitBytes, reencodePortrait, sniffImageType, uploadPortrait } from "./upload-portrait";

const database = setUpTestDatabase();
const db = () => database().db;

const image = (format: "png" | "jpeg" | "webp", width = 2400, height = 1600) =>
  sharp({ create: { width, height, channels: 3, background: "#7a3" } })
    .withExif({ IFD0: { Copyright: "secret-owner" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "43/1 15/1 0/1" } })
    [format]()
    .toBuffer();

describe("portrait upload", () => {
  it("recognises PNG, JPEG and WebP by their bytes only", async () => {
    expect(sniffImageType(await image("png", 4, 4))).toBe("image/png");
    expect(sniffImageType(await image("jpeg", 4, 4))).toBe("image/jpeg");
    expect(sniffImageType(await image("webp", 4, 4))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
  });

  it("re-encodes to WebP at most 1200 px wide, without EXIF or GPS", async () => {
    const input = await image("jpeg");
    expect(input.includes(Buffer.from("secret-owner")), "the test image carries EXIF").toBe(true);
    const out = await reencodePortrait(input);
    expect(out.contentType).toBe("image/webp");
    expect([out.width, out.height]).toEqual([1200, 800]);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(out.bytes.includes(Buffer.from("secret-owner"))).toBe(false);
  });

  it("refuses other types, empty, oversized and corrupt files with field errors", async () => {
    await expect(reencodePortrait(new TextEncoder().encode("GIF89a........"))).rejects.toMatchObject({ code: "unsupported_media_type", fields: { portrait: "image_type" } });
    await expect(reencodePortrait(new Uint8Array())).rejects.toMatchObject({ fields: { portrait: "required" } });
    await expect(reencodePortrait(new Uint8Array(maxPortraitBytes + 1).fill(0xff))).rejects.toMatchObject({ code: "body_too_large" });
    const truncated = (await image("png", 64, 64)).subarray(0, 40);
    await expect(reencodePortrait(truncated)).rejects.toMatchObject({ code: "invalid_input", fields: { portrait: "image_invalid" } });
  });

  it("stores the image with its campaign and points the profile at it", async () => {
    const w = await makeWorld(db());
    const { id, portraitPath } = await uploadPortrait(db(), w.organizer, { campaignId: w.campaignA.id, bytes: await image("png", 300, 400) });
    expect(portraitPath).toBe(`/media/${id}.webp`);
    expect((await findProfile(db(), w.campaignA.id))?.portraitPath).toBe(portraitPath);
    const stored = await findMedia(db(), id);
    expect(stored?.contentType).toBe("image/webp");
    expect(sniffImageType(stored!.bytes)).toBe("image/webp");
  });
});
