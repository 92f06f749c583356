import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { findCampaignById } from "@/db/queries/campaign-admin";
import { findPublishedCampaign } from "@/db/queries/campaigns";
import { listVisiblePetitions } from "@/db/queries/petitions";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makePetition, makeWorld, tri } from "@/lib/organizers/test-world";
import { publishPetition } from "@/lib/petitions/publish-petition";
import { approveCampaign } from "./approve-campaign";
import { createCampaign } from "./create-campaign";
import { refuseCampaign } from "./refuse-campaign";
import { submitCampaign } from "./submit-campaign";
import { unpublishCampaign } from "./unpublish-campaign";

const database = setUpTestDatabase();
const db = () => database().db;

const code = (code: string) => (e: unknown) => isAppError(e) && e.code === code;

describe("a new campaign goes public only after an admin approves it", () => {
  it("organizer creates and submits; the admin refuses with a reason, then approves; every step audited", async () => {
    const w = await makeWorld(db());
    const created = await createCampaign(db(), w.other, { slug: `new-${w.tag}`, name: tri("New"), tagline: tri("T") });
    const petition = await makePetition(db(), created.id, w.tag, "draft");
    const isPublic = async () => (await listVisiblePetitions(db())).some((p) => p.petition.campaignId === created.id);

    // Its organizer cannot make it public, neither directly nor through its petitions.
    await expect(approveCampaign(db(), w.other, { campaignId: created.id, version: 1 })).rejects.toSatisfy(code("forbidden"));
    await expect(publishPetition(db(), w.other, { petitionId: petition.id, version: 1 })).rejects.toSatisfy(code("illegal_transition"));

    let c = await submitCampaign(db(), w.other, { campaignId: created.id, version: 1 });
    expect(c.state).toBe("pending_review");
    expect(await isPublic()).toBe(false);
    expect((await findPublishedCampaign(db()))?.id).not.toBe(created.id);
    await expect(submitCampaign(db(), w.other, { campaignId: created.id, version: c.version })).rejects.toSatisfy(code("illegal_transition"));

    await expect(refuseCampaign(db(), w.other, { campaignId: created.id, version: c.version, reason: "no" })).rejects.toSatisfy(code("forbidden"));
    c = await refuseCampaign(db(), w.admin, { campaignId: created.id, version: c.version, reason: "Add sources for the charges first." });
    expect(c).toMatchObject({ state: "draft", reviewNote: "Add sources for the charges first." });

    c = await submitCampaign(db(), w.other, { campaignId: created.id, version: c.version });
    expect(c).toMatchObject({ state: "pending_review", reviewNote: null });
    c = await approveCampaign(db(), w.admin, { campaignId: created.id, version: c.version });
    expect(c.state).toBe("published");
    await publishPetition(db(), w.other, { petitionId: petition.id, version: 1 });
    expect(await isPublic()).toBe(true);

    // Taken down, it needs a new review to come back.
    c = await unpublishCampaign(db(), w.other, { campaignId: created.id, version: c.version });
    expect(c.state).toBe("draft");
    expect(await isPublic()).toBe(false);
    await expect(approveCampaign(db(), w.other, { campaignId: created.id, version: c.version })).rejects.toSatisfy(code("forbidden"));

    const log = rowsOf<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      await db().execute(sql`select action, actor_id, details from audit_log where entity_id = ${created.id} order by at, id`),
    );
    expect(log.map((e) => e.action)).toEqual(["campaign.create", "campaign.submit", "campaign.refuse", "campaign.submit", "campaign.approve", "campaign.unpublish"]);
    expect(log.find((e) => e.action === "campaign.refuse")).toMatchObject({ actor_id: w.admin.userId, details: { reason: "Add sources for the charges first." } });
  });

  it("an admin may publish a draft directly, but only a campaign waiting for review can be sent back", async () => {
    const w = await makeWorld(db());
    await expect(refuseCampaign(db(), w.admin, { campaignId: w.draftCampaign.id, version: 1, reason: "x" })).rejects.toSatisfy(code("illegal_transition"));
    const c = await approveCampaign(db(), w.admin, { campaignId: w.draftCampaign.id, version: 1 });
    expect((await findCampaignById(db(), c.id))?.state).toBe("published");
  });
});
