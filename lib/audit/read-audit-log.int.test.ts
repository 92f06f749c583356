import { describe, expect, it } from "vitest";
import { sealedSigner } from "@/db/personal-data";
import { signatures } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { inviteUser } from "@/lib/organizers/invite-user";
import { removeUser } from "@/lib/organizers/remove-user";
import { makeWorld, tri } from "@/lib/organizers/test-world";
import { closePetition } from "@/lib/petitions/close-petition";
import { setSignerNameHidden } from "@/lib/signatures/set-signer-name-hidden";
import { readAuditLog } from "./read-audit-log";

const database = setUpTestDatabase();
const db = () => database().db;

describe("audit log", () => {
  it("names each entry's record: the petition's title, the campaign's name, the account's address", async () => {
    const w = await makeWorld(db());
    await closePetition(db(), w.organizer, { petitionId: w.published.id, version: 1 });
    await updateCampaign(db(), w.organizer, { campaignId: w.campaignA.id, version: 1, name: tri("Free Marat"), tagline: tri("t") });
    await removeUser(db(), w.admin, { userId: w.other.userId });
    const [s] = await db()
      .insert(signatures)
      .values({ petitionId: w.closed.id, ...sealedSigner(`x-${w.tag}@example.org`, "N"), locale: "ru", state: "confirmed", showNamePublicly: true, tokenNonce: w.tag, tokenHash: w.tag, tokenExpiresAt: new Date(), confirmedAt: new Date() })
      .returning({ id: signatures.id });
    await setSignerNameHidden(db(), w.organizer, { petitionId: w.closed.id, signatureId: s!.id, hidden: true });
    await inviteUser(db(), w.admin, { email: `new-${w.tag}@example.org`, role: "organizer", campaignId: w.campaignA.id, locale: "kk" });

    const { entries } = await readAuditLog(db(), w.admin);
    const of = (action: string) => entries.find((e) => e.action === action)!;
    expect(of("petition.close")).toMatchObject({ entityType: "petition", petitionTitle: w.published.title });
    expect(of("campaign.update")).toMatchObject({ entityType: "campaign", campaignName: tri("Free Marat") });
    expect(of("remove_user")).toMatchObject({ entityType: "user", subjectEmail: w.other.email });
    expect(of("signature.hide_name")).toMatchObject({ entityType: "signature", petitionTitle: w.closed.title });
    // The signer's name is not in the log.
    expect(JSON.stringify(of("signature.hide_name"))).not.toContain(`x-${w.tag}`);
  });
});
