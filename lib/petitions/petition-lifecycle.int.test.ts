import { describe, expect, it } from "vitest";
import { findPetitionById } from "@/db/queries/petition-admin";
import { findVisiblePetitionBySlug, listVisiblePetitions } from "@/db/queries/petitions";
import { unpublishCampaign } from "@/lib/campaigns/unpublish-campaign";
import { setUpTestDatabase } from "@/db/test-database";
import { type AppError, isAppError } from "@/lib/errors";
import { makePetition, makeWorld, tri } from "@/lib/organizers/test-world";
import { archivePetition } from "./archive-petition";
import { closePetition } from "./close-petition";
import { deliverPetition } from "./deliver-petition";
import { publishPetition } from "./publish-petition";
import { reopenPetition } from "./reopen-petition";
import type { PetitionState } from "./state";
import { updatePetition } from "./update-petition";

const database = setUpTestDatabase();
const db = () => database().db;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the operation to be refused");
}

const ops = {
  publish: publishPetition,
  close: closePetition,
  reopen: reopenPetition,
  archive: archivePetition,
  deliver: (d: Parameters<typeof closePetition>[0], a: Parameters<typeof closePetition>[1], i: { petitionId: string; version: number }) =>
    deliverPetition(d, a, { ...i, deliveryNote: tri("Delivered to the Prosecutor General's office") }),
};

const illegal: [PetitionState, keyof typeof ops][] = [
  ["draft", "close"],
  ["draft", "reopen"],
  ["draft", "deliver"],
  ["published", "publish"],
  ["published", "reopen"],
  ["published", "deliver"],
  ["published", "archive"],
  ["closed", "close"],
  ["closed", "publish"],
  ["delivered", "publish"],
  ["delivered", "close"],
  ["delivered", "reopen"],
  ["delivered", "deliver"],
  ["archived", "publish"],
  ["archived", "close"],
  ["archived", "reopen"],
  ["archived", "deliver"],
  ["archived", "archive"],
];

describe("petition state machine", () => {
  it.each(illegal)("refuses %s → %s and changes nothing", async (state, action) => {
    const w = await makeWorld(db());
    const p = await makePetition(db(), w.campaignA.id, w.tag, state);
    const error = await failure(ops[action](db(), w.organizer, { petitionId: p.id, version: p.version }));
    expect(error.code).toBe("illegal_transition");
    expect(error.status).toBe(409);
    const after = await findPetitionById(db(), p.id);
    expect(after?.state).toBe(state);
    expect(after?.version).toBe(p.version);
  });

  it("walks the whole path draft → published → closed → delivered → archived, versions counting up", async () => {
    const w = await makeWorld(db());
    let p = await makePetition(db(), w.campaignA.id, w.tag, "draft");
    p = await publishPetition(db(), w.organizer, { petitionId: p.id, version: p.version });
    expect([p.state, p.version, p.publishedAt !== null]).toEqual(["published", 2, true]);
    p = await closePetition(db(), w.organizer, { petitionId: p.id, version: p.version });
    expect([p.state, p.closedAt !== null]).toEqual(["closed", true]);
    p = await reopenPetition(db(), w.organizer, { petitionId: p.id, version: p.version });
    expect([p.state, p.closedAt]).toEqual(["published", null]);
    p = await closePetition(db(), w.organizer, { petitionId: p.id, version: p.version });
    p = await deliverPetition(db(), w.organizer, { petitionId: p.id, version: p.version, deliveryNote: tri("Handed over") });
    expect([p.state, p.deliveryNote?.kk]).toEqual(["delivered", "Handed over kk"]);
    p = await archivePetition(db(), w.admin, { petitionId: p.id, version: p.version });
    expect([p.state, p.version]).toEqual(["archived", 7]);
  });

  it("refuses to publish a draft that misses a language, naming each missing field", async () => {
    const w = await makeWorld(db());
    const p = await makePetition(db(), w.campaignA.id, w.tag, "draft");
    const updated = await updatePetition(db(), w.organizer, {
      petitionId: p.id,
      version: 1,
      slug: p.slug,
      target: p.target,
      title: { ru: "Заголовок", kk: "", en: "Title" },
      summary: p.summary,
      body: { ru: "Текст", kk: "Мәтін", en: "" },
      goal: 100,
      deadline: null,
    });
    const error = await failure(publishPetition(db(), w.organizer, { petitionId: p.id, version: updated.version }));
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toEqual({ "title.kk": "translation_missing", "body.en": "translation_missing" });
    expect((await findPetitionById(db(), p.id))?.state).toBe("draft");
  });

  it("refuses to publish a petition of a campaign that is not public", async () => {
    const w = await makeWorld(db());
    const p = await makePetition(db(), w.draftCampaign.id, w.tag, "draft");
    const error = await failure(publishPetition(db(), w.organizer, { petitionId: p.id, version: 1 }));
    expect([error.code, error.fields.form]).toEqual(["illegal_transition", "campaign_not_published"]);
  });

  it("refuses to edit the text once published (signers signed that text)", async () => {
    const w = await makeWorld(db());
    const error = await failure(
      updatePetition(db(), w.organizer, { ...w.published, petitionId: w.published.id, version: 1, goal: 5 }),
    );
    expect([error.code, error.fields.form]).toEqual(["illegal_transition", "not_editable"]);
  });

  it("refuses delivery without a note", async () => {
    const w = await makeWorld(db());
    const error = await failure(deliverPetition(db(), w.organizer, { petitionId: w.closed.id, version: 1, deliveryNote: { ru: " ", kk: "", en: "" } }));
    expect(error.code).toBe("invalid_input");
    expect((await findPetitionById(db(), w.closed.id))?.state).toBe("closed");
  });
});

describe("taking a campaign down", () => {
  it("hides its petitions from every public query", async () => {
    const w = await makeWorld(db());
    expect(await findVisiblePetitionBySlug(db(), w.published.slug)).not.toBeNull();
    await unpublishCampaign(db(), w.organizer, { campaignId: w.campaignA.id, version: 1 });
    expect(await findVisiblePetitionBySlug(db(), w.published.slug)).toBeNull();
    expect((await listVisiblePetitions(db(), w.campaignA.id)).length).toBe(0);
    expect((await listVisiblePetitions(db())).map((r) => r.petition.campaignId)).not.toContain(w.campaignA.id);
  });
});

describe("concurrent edits", () => {
  it("the second of two edits from the same version is refused with a conflict, the first one kept", async () => {
    const w = await makeWorld(db());
    const p = w.draft;
    const edit = (title: string) =>
      updatePetition(db(), w.organizer, { petitionId: p.id, version: p.version, slug: p.slug, target: p.target, title: tri(title), summary: p.summary, body: p.body, goal: p.goal, deadline: null });
    const first = await edit("First");
    expect(first.version).toBe(2);
    const error = await failure(edit("Second"));
    expect([error.code, error.fields.form, error.status]).toEqual(["conflict", "version_conflict", 409]);
    expect((await findPetitionById(db(), p.id))?.title.en).toBe("First en");
  });

  it("two organizers pressing publish and close at the same moment: exactly one wins", async () => {
    const w = await makeWorld(db());
    const results = await Promise.allSettled([
      closePetition(db(), w.organizer, { petitionId: w.published.id, version: 1 }),
      closePetition(db(), w.admin, { petitionId: w.published.id, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isAppError(refused.reason)).toBe(true);
    expect(["conflict", "illegal_transition"]).toContain((refused.reason as AppError).code);
    expect((await findPetitionById(db(), w.published.id))?.version).toBe(2);
  });

  it("a state change from a stale page is refused even if the state still allows it", async () => {
    const w = await makeWorld(db());
    const p = w.draft;
    await updatePetition(db(), w.organizer, { petitionId: p.id, version: 1, slug: p.slug, target: p.target, title: tri("Changed"), summary: p.summary, body: p.body, goal: p.goal, deadline: null });
    const error = await failure(publishPetition(db(), w.admin, { petitionId: p.id, version: 1 }));
    expect(error.code).toBe("conflict");
    expect((await findPetitionById(db(), p.id))?.state).toBe("draft");
  });

  it("a taken slug is a field error, not a crash", async () => {
    const w = await makeWorld(db());
    const p = w.draft;
    const error = await failure(
      updatePetition(db(), w.organizer, { petitionId: p.id, version: 1, slug: w.published.slug, target: p.target, title: p.title, summary: p.summary, body: p.body, goal: p.goal, deadline: null }),
    );
    expect([error.code, error.fields.slug]).toEqual(["invalid_input", "slug_taken"]);
  });
});
