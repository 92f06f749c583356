import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isCampaignMember, findUserByEmail } from "@/db/queries/organizers";
import { sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { getDashboard } from "./get-dashboard";
import { addAdmin } from "./add-admin";
import { inviteUser } from "./invite-user";
import { removeUser } from "./remove-user";
import { makeWorld } from "./test-world";

const database = setUpTestDatabase();
const db = () => database().db;

describe("organizers", () => {
  it("an organizer's dashboard lists their campaigns only; an admin's lists all", async () => {
    const w = await makeWorld(db());
    const mine = (await getDashboard(db(), w.organizer)).campaigns.map((c) => c.id);
    expect(mine.sort()).toEqual([w.campaignA.id, w.draftCampaign.id].sort());
    const all = (await getDashboard(db(), w.admin)).campaigns.map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([w.campaignA.id, w.campaignB.id, w.draftCampaign.id]));
  });

  it("inviting normalises the address, adds the campaign, and re-enables a removed account", async () => {
    const w = await makeWorld(db());
    const email = `Mixed.Case-${w.tag}@Example.ORG`;
    const { user } = await inviteUser(db(), w.admin, { email: email.toLowerCase(), role: "organizer", campaignId: w.campaignB.id, locale: "kk" });
    expect(user.email).toBe(email.toLowerCase());
    expect(await isCampaignMember(db(), w.campaignB.id, user.id)).toBe(true);
    await removeUser(db(), w.admin, { userId: user.id });
    expect((await findUserByEmail(db(), user.email))?.disabledAt).not.toBeNull();
    await inviteUser(db(), w.admin, { email: user.email, role: "organizer", campaignId: w.campaignA.id, locale: "kk" });
    const again = await findUserByEmail(db(), user.email);
    expect(again?.disabledAt).toBeNull();
    expect(await isCampaignMember(db(), w.campaignA.id, user.id)).toBe(true);
  });

  it("inviting an admin as an organizer does not demote them; an organizer needs a campaign", async () => {
    const w = await makeWorld(db());
    const { user } = await inviteUser(db(), w.admin, { email: w.admin.email, role: "organizer", campaignId: w.campaignA.id, locale: "ru" });
    expect(user.role).toBe("admin");
    await expect(inviteUser(db(), w.admin, { email: `x-${w.tag}@example.org`, role: "organizer", campaignId: null, locale: "ru" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { campaignId: "required" },
    });
  });

  it("removing someone ends their sessions; admins cannot remove themselves", async () => {
    const w = await makeWorld(db());
    await db().insert(sessions).values({ sessionToken: `t-${w.tag}`, userId: w.other.userId, expires: new Date(Date.now() + 3_600_000) });
    await removeUser(db(), w.admin, { userId: w.other.userId });
    expect(await db().select().from(sessions).where(eq(sessions.userId, w.other.userId))).toEqual([]);
    await expect(removeUser(db(), w.admin, { userId: w.admin.userId })).rejects.toMatchObject({ code: "invalid_input", fields: { form: "cannot_remove_self" } });
  });

  it("admin:add is idempotent and promotes an organizer", async () => {
    const w = await makeWorld(db());
    const first = await addAdmin(db(), `  New-Admin-${w.tag}@Example.org `);
    const second = await addAdmin(db(), `new-admin-${w.tag}@example.org`);
    expect(second.id).toBe(first.id);
    expect((await addAdmin(db(), w.organizer.email)).role).toBe("admin");
    await expect(addAdmin(db(), "not-an-address")).rejects.toMatchObject({ code: "invalid_input" });
  });
});
