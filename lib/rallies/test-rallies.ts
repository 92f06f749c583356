import { randomBytes } from "node:crypto";
import { sealedAttendee } from "@/db/personal-data";
import type { Db } from "@/db";
import { rallies, rsvps } from "@/db/schema";
import { tri } from "@/lib/organizers/test-world";
import { mintRsvpTokens, RSVP_CONFIRM, RSVP_MANAGE } from "./rsvp-tokens";
import type { RallyState } from "./state";

/** Test data only: rallies of one campaign in the states a test needs, and a confirmed attendee. */
export async function makeRally(db: Db, campaignId: string, state: RallyState, options: { startsAt?: Date } = {}) {
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * 24 * 3600_000);
  const [r] = await db
    .insert(rallies)
    .values({
      campaignId,
      slug: `rally-${state}-${randomBytes(4).toString("hex")}`,
      state,
      title: tri("Rally"),
      description: tri("Description"),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      address: tri("Almaty"),
      permitNote: tri(""),
      safetyNote: tri(""),
      accessibilityNote: tri(""),
      preparation: tri(""),
      announcedAt: state === "draft" ? null : new Date(startsAt.getTime() - 7 * 24 * 3600_000),
    })
    .returning();
  return r!;
}

export async function makeAttendee(db: Db, rallyId: string) {
  const { nonce, hashes } = mintRsvpTokens();
  const email = `attendee-${randomBytes(4).toString("hex")}@example.org`;
  const [row] = await db
    .insert(rsvps)
    .values({
      rallyId,
      ...sealedAttendee(email, "Attendee"),
      locale: "ru",
      state: "confirmed",
      tokenNonce: nonce,
      confirmTokenHash: hashes[RSVP_CONFIRM],
      manageTokenHash: hashes[RSVP_MANAGE],
      tokenExpiresAt: new Date(Date.now() + 3600_000),
      confirmedAt: new Date(),
    })
    .returning();
  return { ...row!, email };
}
