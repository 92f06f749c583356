import sharp from "sharp";
import { sealedSigner } from "@/db/personal-data";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { setUpTestDatabase } from "@/db/test-database";
import { readAuditLog } from "@/lib/audit/read-audit-log";
import { addSource } from "@/lib/campaigns/add-source";
import { addTimelineEvent } from "@/lib/campaigns/add-timeline-event";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { getCampaignEditor, getProfileEditor } from "@/lib/campaigns/get-campaign-editor";
import { approveCampaign } from "@/lib/campaigns/approve-campaign";
import { refuseCampaign } from "@/lib/campaigns/refuse-campaign";
import { submitCampaign } from "@/lib/campaigns/submit-campaign";
import { campaigns } from "@/db/schema";
import { eq } from "drizzle-orm";
import { removeSource } from "@/lib/campaigns/remove-source";
import { removeTimelineEvent } from "@/lib/campaigns/remove-timeline-event";
import { unpublishCampaign } from "@/lib/campaigns/unpublish-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { updateProfile } from "@/lib/campaigns/update-profile";
import { uploadPortrait } from "@/lib/campaigns/upload-portrait";
import { isAppError } from "@/lib/errors";
import { type Jobs, startJobs } from "@/lib/jobs/boss";
import { archivePetition } from "@/lib/petitions/archive-petition";
import { buildDeliveryPack } from "@/lib/petitions/build-delivery-pack";
import { closePetition } from "@/lib/petitions/close-petition";
import { createPetition } from "@/lib/petitions/create-petition";
import { deliverPetition } from "@/lib/petitions/deliver-petition";
import { exportSignatures } from "@/lib/petitions/export-signatures";
import { getPetitionEditor } from "@/lib/petitions/get-petition-editor";
import { getPetitionFigures } from "@/lib/petitions/get-petition-figures";
import { publishPetition } from "@/lib/petitions/publish-petition";
import { reopenPetition } from "@/lib/petitions/reopen-petition";
import { updatePetition } from "@/lib/petitions/update-petition";
import { listSignerNames } from "@/lib/signatures/list-signer-names";
import { setSignerNameHidden } from "@/lib/signatures/set-signer-name-hidden";
import { signatures } from "@/db/schema";
import { announceRally } from "@/lib/rallies/announce-rally";
import { cancelRally } from "@/lib/rallies/cancel-rally";
import { addWalkIn, checkInAttendee } from "@/lib/rallies/check-in";
import { createRally } from "@/lib/rallies/create-rally";
import { exportAttendees } from "@/lib/rallies/export-attendees";
import { getCampaignRallies, getRallyEditor } from "@/lib/rallies/get-rally-editor";
import { holdRally } from "@/lib/rallies/hold-rally";
import { makeAttendee, makeRally } from "@/lib/rallies/test-rallies";
import { updateRally } from "@/lib/rallies/update-rally";
import { rallyCreateSchema, rallyUpdateSchema } from "@/lib/validation/rallies";
import type { Actor } from "./access";
import { getDashboard } from "./get-dashboard";
import { inviteUser } from "./invite-user";
import { listUsers } from "./list-users";
import { pageOutcome } from "./outcome";
import { removeUser } from "./remove-user";
import { insertAbuseRule } from "@/db/queries/abuse-rules";
import { addRule, listRules, removeRule } from "@/lib/abuse/manage-rules";
import { blockFromFlag, dismissFlag, listFlags } from "@/lib/abuse/flags";
import { readSecuritySummary } from "@/lib/audit/security-events";
import { abuseFlags } from "@/db/schema";
import { bulkInvalidationPage, previewBulkInvalidation, reverseBulkInvalidation, runBulkInvalidation } from "@/lib/abuse/bulk-invalidate";
import { invalidateMatches } from "@/db/queries/bulk-invalidations";
import { makeWorld, tri, type World } from "./test-world";
import { createUpdate } from "@/lib/updates/create-update";
import { editUpdate } from "@/lib/updates/edit-update";
import { getCampaignUpdates, getUpdateEditor, getUpdateProgress } from "@/lib/updates/get-update-editor";
import { cancelUpdate, pauseUpdate, resumeUpdate } from "@/lib/updates/pause-update";
import { scheduleUpdate, unscheduleUpdate } from "@/lib/updates/schedule-update";
import { sendTestUpdate } from "@/lib/updates/send-test-update";
import { sendUpdate } from "@/lib/updates/send-update";
import { makeSubscriber, makeUpdate } from "@/lib/updates/test-updates";
import { updateCreateSchema, updateEditSchema } from "@/lib/validation/updates";

/**
 * The authorization matrix: every dashboard page (its loader), action and export, for each kind of visitor.
 * `ok` means the operation ran; otherwise the AppError code, and what the page or route answers over HTTP.
 * Each case runs on a fresh world, and a refused operation must leave no trace in the audit log.
 */
type Who = "anonymous" | "other" | "organizer" | "admin";
type Expected = "ok" | "unauthenticated" | "not_found" | "forbidden";
type Case = { name: string; kind: "page" | "action" | "export"; run: (w: World, actor: Actor | null) => Promise<unknown>; expect: Record<Who, Expected> };

const owner: Record<Who, Expected> = { anonymous: "unauthenticated", other: "not_found", organizer: "ok", admin: "ok" };
const adminOnly: Record<Who, Expected> = { anonymous: "unauthenticated", other: "forbidden", organizer: "forbidden", admin: "ok" };
const anyone: Record<Who, Expected> = { anonymous: "unauthenticated", other: "ok", organizer: "ok", admin: "ok" };

const draftFields = (slug: string) => ({
  slug,
  target: tri("Target"),
  title: tri("Title"),
  summary: tri("Summary"),
  body: tri("Body"),
  goal: 500,
  deadline: null,
});
const profileFields = (w: World) => ({
  campaignId: w.campaignA.id,
  version: 1,
  name: tri("Name"),
  role: tri("Role"),
  residence: tri("Residence"),
  dateOfBirth: "1969-03-03",
  article: tri("Art. 274(4)"),
  nationality: tri("n"),
  citizenship: tri("c"),
  education: tri("e"),
  health: tri("h"),
  summary: tri("s"),
  biography: tri("b"),
});
const labels = { name: "Name", confirmedAt: "Confirmed", email: "Email" };
let png: Uint8Array;
const rallyForm = {
  title: tri("Rally"),
  description: tri("Description"),
  startsAt: "2031-05-01T18:00",
  endsAt: "2031-05-01T20:00",
  address: tri("Almaty"),
  latitude: "",
  longitude: "",
  mapUrl: "",
  permitStatus: "filed",
  permitDate: "",
  permitNote: tri(""),
  safetyNote: tri(""),
  accessibilityNote: tri(""),
  preparation: tri(""),
  capacity: "",
}
const updateForm = { title: { ru: "Суд", kk: "", en: "Court" }, body: { ru: "Заседание **завтра**.", kk: "", en: "The hearing is **tomorrow**." } };
/** A text-only edit queues nothing; a job enqueued here would be a bug. */
const noJobs = { enqueue: async () => { throw new Error("no job expected"); } };
const attendeeLabels = { name: "Name", email: "Email", state: "State", registeredAt: "Registered", checkedInAt: "Checked in", walkIn: "Walk-in", states: {}, yes: "yes" };

const cases: Case[] = [
  { name: "dashboard", kind: "page", run: (_w, a) => getDashboard(db(), a), expect: anyone },
  { name: "campaign page", kind: "page", run: (w, a) => getCampaignEditor(db(), a, w.campaignA.id), expect: owner },
  { name: "profile editor and preview", kind: "page", run: (w, a) => getProfileEditor(db(), a, w.campaignA.id), expect: owner },
  { name: "petition page", kind: "page", run: (w, a) => getPetitionEditor(db(), a, w.published.id), expect: owner },
  { name: "petition figures", kind: "page", run: (w, a) => getPetitionFigures(db(), a, w.published.id), expect: owner },
  { name: "people page", kind: "page", run: (_w, a) => listUsers(db(), a), expect: adminOnly },
  { name: "audit log", kind: "page", run: (_w, a) => readAuditLog(db(), a), expect: adminOnly },
  {
    name: "signers' export with addresses",
    kind: "export",
    run: async (w, a) => {
      const out = await exportSignatures(db(), a, { petitionId: w.published.id, labels });
      for await (const _ of out.lines);
    },
    expect: adminOnly,
  },
  {
    name: "delivery pack",
    kind: "export",
    run: async (w, a) => {
      const pack = await buildDeliveryPack(db(), a, { petitionId: w.published.id, locale: "kk", format: "csv" });
      for await (const _ of pack.names);
    },
    expect: owner,
  },
  { name: "create campaign", kind: "action", run: (w, a) => createCampaign(db(), a, { slug: `new-${w.tag}`, name: tri("N"), tagline: tri("T") }), expect: anyone },
  { name: "edit campaign", kind: "action", run: (w, a) => updateCampaign(db(), a, { campaignId: w.campaignA.id, version: 1, name: tri("N"), tagline: tri("T") }), expect: owner },
  { name: "submit campaign for review", kind: "action", run: (w, a) => submitCampaign(db(), a, { campaignId: w.draftCampaign.id, version: 1 }), expect: owner },
  { name: "approve campaign", kind: "action", run: (w, a) => approveCampaign(db(), a, { campaignId: w.draftCampaign.id, version: 1 }), expect: adminOnly },
  {
    name: "refuse campaign",
    kind: "action",
    run: async (w, a) => {
      await db().update(campaigns).set({ state: "pending_review" }).where(eq(campaigns.id, w.draftCampaign.id));
      return refuseCampaign(db(), a, { campaignId: w.draftCampaign.id, version: 1, reason: "Sources missing" });
    },
    expect: adminOnly,
  },
  { name: "unpublish campaign", kind: "action", run: (w, a) => unpublishCampaign(db(), a, { campaignId: w.campaignA.id, version: 1 }), expect: owner },
  { name: "edit profile", kind: "action", run: (w, a) => updateProfile(db(), a, profileFields(w)), expect: owner },
  { name: "upload portrait", kind: "action", run: (w, a) => uploadPortrait(db(), a, { campaignId: w.campaignA.id, bytes: png }), expect: owner },
  {
    name: "add timeline event",
    kind: "action",
    run: (w, a) => addTimelineEvent(db(), a, { campaignId: w.campaignA.id, occurredOn: "2020-05-05", precision: "day", title: tri("t"), body: tri("b") }),
    expect: owner,
  },
  { name: "remove timeline event", kind: "action", run: (w, a) => removeTimelineEvent(db(), a, { campaignId: w.campaignA.id, id: w.event.id }), expect: owner },
  {
    name: "add source",
    kind: "action",
    run: (w, a) => addSource(db(), a, { campaignId: w.campaignA.id, title: tri("t"), publisher: tri("p"), publishedOn: null, url: null }),
    expect: owner,
  },
  { name: "remove source", kind: "action", run: (w, a) => removeSource(db(), a, { campaignId: w.campaignA.id, id: w.source.id }), expect: owner },
  { name: "create petition", kind: "action", run: (w, a) => createPetition(db(), a, { campaignId: w.campaignA.id, ...draftFields(`p-${w.tag}`) }), expect: owner },
  { name: "edit petition draft", kind: "action", run: (w, a) => updatePetition(db(), a, { petitionId: w.draft.id, version: 1, ...draftFields(`e-${w.tag}`) }), expect: owner },
  { name: "publish petition", kind: "action", run: (w, a) => publishPetition(db(), a, { petitionId: w.draft.id, version: 1 }), expect: owner },
  { name: "close petition", kind: "action", run: (w, a) => closePetition(db(), a, { petitionId: w.published.id, version: 1 }), expect: owner },
  { name: "reopen petition", kind: "action", run: (w, a) => reopenPetition(db(), a, { petitionId: w.closed.id, version: 1 }), expect: owner },
  { name: "deliver petition", kind: "action", run: (w, a) => deliverPetition(db(), a, { petitionId: w.closed.id, version: 1, deliveryNote: tri("Handed over") }), expect: owner },
  { name: "archive petition", kind: "action", run: (w, a) => archivePetition(db(), a, { petitionId: w.delivered.id, version: 1 }), expect: owner },
  {
    name: "invite organizer",
    kind: "action",
    run: (w, a) => inviteUser(db(), a, { email: `new-${w.tag}@example.org`, role: "organizer", campaignId: w.campaignA.id, locale: "kk" }),
    expect: adminOnly,
  },
  { name: "remove organizer", kind: "action", run: (w, a) => removeUser(db(), a, { userId: w.other.userId }), expect: adminOnly },
  { name: "block and allow lists", kind: "page", run: (_w, a) => listRules(db(), a), expect: adminOnly },
  { name: "add a block rule", kind: "action", run: (w, a) => addRule(db(), a, { kind: "block", pattern: `t${w.tag}.example`, note: "" }), expect: adminOnly },
  {
    name: "remove a block rule",
    kind: "action",
    run: async (w, a) => {
      // Written straight in, so the only audit entry is the removal's.
      const rule = await insertAbuseRule(db(), { kind: "allow", type: "domain", pattern: `r${w.tag}.example`, display: `r${w.tag}.example`, note: "", createdBy: null });
      return removeRule(db(), a, { ruleId: rule!.id });
    },
    expect: adminOnly,
  },
  { name: "abuse flags", kind: "page", run: (_w, a) => listFlags(db(), a), expect: adminOnly },
  { name: "security events summary", kind: "page", run: (_w, a) => readSecuritySummary(db(), a), expect: adminOnly },
  { name: "block from a flag", kind: "action", run: async (w, a) => blockFromFlag(db(), a, { flagId: await makeFlag(w) }), expect: adminOnly },
  { name: "dismiss a flag", kind: "action", run: async (w, a) => dismissFlag(db(), a, { flagId: await makeFlag(w) }), expect: adminOnly },
  { name: "bulk invalidation page", kind: "page", run: (_w, a) => bulkInvalidationPage(db(), a), expect: adminOnly },
  { name: "preview a bulk invalidation", kind: "page", run: (w, a) => previewBulkInvalidation(db(), a, { petitionId: w.published.id, domain: `b${w.tag}.example` }), expect: adminOnly },
  {
    name: "run a bulk invalidation",
    kind: "action",
    run: async (w, a) => {
      await db().insert(signatures).values({ petitionId: w.published.id, ...sealedSigner(`x@b${w.tag}.example`, "Bot"), locale: "ru", state: "pending", tokenNonce: `b${w.tag}`, tokenHash: `b${w.tag}`, tokenExpiresAt: new Date() });
      return runBulkInvalidation(db(), a, { petitionId: w.published.id, domain: `b${w.tag}.example`, expected: 1 });
    },
    expect: adminOnly,
  },
  {
    name: "reverse a bulk invalidation",
    kind: "action",
    run: async (w, a) => {
      // Made straight through the query, so the only audit entry is the reversal's.
      const run = await invalidateMatches(db(), { petitionId: w.published.id, domain: `v${w.tag}.example` }, w.admin.userId);
      return reverseBulkInvalidation(db(), a, { invalidationId: run.id });
    },
    expect: adminOnly,
  },
  { name: "public names to moderate", kind: "page", run: (w, a) => listSignerNames(db(), a, { petitionId: w.published.id, page: 1 }), expect: owner },
  {
    name: "hide a signer's name",
    kind: "action",
    run: async (w, a) => {
      const [s] = await db()
        .insert(signatures)
        .values({ petitionId: w.published.id, ...sealedSigner(`s-${w.tag}@example.org`, "Signer"), locale: "ru", state: "confirmed", showNamePublicly: true, tokenNonce: w.tag, tokenHash: w.tag, tokenExpiresAt: new Date(), confirmedAt: new Date() })
        .returning({ id: signatures.id });
      return setSignerNameHidden(db(), a, { petitionId: w.published.id, signatureId: s!.id, hidden: true });
    },
    expect: owner,
  },
  { name: "campaign rallies", kind: "page", run: (w, a) => getCampaignRallies(db(), a, w.campaignA.id), expect: owner },
  { name: "rally page", kind: "page", run: async (w, a) => getRallyEditor(db(), a, (await makeRally(db(), w.campaignA.id, "announced")).id), expect: owner },
  {
    name: "rally attendees export",
    kind: "export",
    run: async (w, a) => exportAttendees(db(), a, { rallyId: (await makeRally(db(), w.campaignA.id, "announced")).id, labels: attendeeLabels }),
    expect: owner,
  },
  {
    name: "create rally",
    kind: "action",
    run: (w, a) => createRally(db(), a, rallyCreateSchema.parse({ campaignId: w.campaignA.id, slug: `r-${w.tag}`, ...rallyForm })),
    expect: owner,
  },
  {
    name: "edit rally",
    kind: "action",
    run: async (w, a) => {
      const r = await makeRally(db(), w.campaignA.id, "draft");
      return updateRally({ db: db(), jobs: noJobs }, a, rallyUpdateSchema.parse({ rallyId: r.id, version: 1, ...rallyForm }));
    },
    expect: owner,
  },
  { name: "announce rally", kind: "action", run: async (w, a) => announceRally(db(), a, { rallyId: (await makeRally(db(), w.campaignA.id, "draft")).id, version: 1 }), expect: owner },
  {
    name: "cancel rally",
    kind: "action",
    run: async (w, a) => cancelRally(db(), a, { rallyId: (await makeRally(db(), w.campaignA.id, "announced")).id, version: 1, cancelNote: tri("") }),
    expect: owner,
  },
  {
    name: "mark rally held",
    kind: "action",
    run: async (w, a) => holdRally(db(), a, { rallyId: (await makeRally(db(), w.campaignA.id, "announced", { startsAt: new Date(Date.now() - 3600_000) })).id, version: 1, report: tri("") }),
    expect: owner,
  },
  {
    name: "check in attendee",
    kind: "action",
    run: async (w, a) => {
      const r = await makeRally(db(), w.campaignA.id, "announced");
      return checkInAttendee(db(), a, { rallyId: r.id, rsvpId: (await makeAttendee(db(), r.id)).id });
    },
    expect: owner,
  },
  { name: "add walk-in", kind: "action", run: async (w, a) => addWalkIn(db(), a, { rallyId: (await makeRally(db(), w.campaignA.id, "announced")).id, name: "Walk In", locale: "ru" }), expect: owner },
  { name: "campaign updates", kind: "page", run: (w, a) => getCampaignUpdates(db(), a, w.campaignA.id), expect: owner },
  { name: "update page and preview", kind: "page", run: async (w, a) => getUpdateEditor(db(), a, (await makeUpdate(db(), w.campaignA.id)).id), expect: owner },
  { name: "update progress (JSON)", kind: "page", run: async (w, a) => getUpdateProgress(db(), a, (await makeUpdate(db(), w.campaignA.id, "sending")).id), expect: owner },
  { name: "create update", kind: "action", run: (w, a) => createUpdate(db(), a, updateCreateSchema.parse({ campaignId: w.campaignA.id, defaultLocale: "ru", ...updateForm })), expect: owner },
  {
    name: "edit update",
    kind: "action",
    run: async (w, a) => editUpdate(db(), a, updateEditSchema.parse({ updateId: (await makeUpdate(db(), w.campaignA.id)).id, version: 1, defaultLocale: "en", ...updateForm })),
    expect: owner,
  },
  {
    name: "send update",
    kind: "action",
    run: async (w, a) => {
      await makeSubscriber(db(), w.campaignA.id);
      return sendUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id)).id, version: 1 });
    },
    expect: owner,
  },
  { name: "send a test update", kind: "action", run: async (w, a) => sendTestUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id)).id, testLocale: "kk" }), expect: owner },
  {
    name: "schedule update",
    kind: "action",
    run: async (w, a) => scheduleUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id)).id, version: 1, scheduledAt: "2031-05-01T10:00" }),
    expect: owner,
  },
  { name: "unschedule update", kind: "action", run: async (w, a) => unscheduleUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id, "scheduled")).id, version: 1 }), expect: owner },
  { name: "pause update", kind: "action", run: async (w, a) => pauseUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id, "sending")).id, version: 1 }), expect: owner },
  { name: "resume update", kind: "action", run: async (w, a) => resumeUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id, "paused")).id, version: 1 }), expect: owner },
  { name: "cancel update", kind: "action", run: async (w, a) => cancelUpdate(db(), a, { updateId: (await makeUpdate(db(), w.campaignA.id, "paused")).id, version: 1 }), expect: owner },
];

const database = setUpTestDatabase();
let jobs: Jobs | undefined;
const db = () => database().db;

beforeAll(async () => {
  // The queues rally notices are enqueued on (no workers: nothing is sent).
  jobs = await startJobs(database());
  png = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } }).png().toBuffer());
});
afterAll(async () => {
  await jobs?.stop();
});

/** A flag written straight in (the flag job audits its own), for the block and dismiss rows. */
async function makeFlag(w: World): Promise<string> {
  const [f] = await db()
    .insert(abuseFlags)
    .values({ petitionId: w.published.id, kind: "domain", subject: `f${w.tag}.example`, windowStart: new Date(), signatures: 100 })
    .returning({ id: abuseFlags.id });
  return f!.id;
}

async function auditCount(): Promise<number> {
  return Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from audit_log`))[0]!.n);
}

const whos: Who[] = ["anonymous", "other", "organizer", "admin"];
const table = cases.flatMap((c) => whos.map((who) => ({ ...c, who, expected: c.expect[who] })));

describe("authorization matrix", () => {
  it.each(table)("$kind $name × $who → $expected", async ({ run, who, expected }) => {
    const w = await makeWorld(db());
    const actor = who === "anonymous" ? null : w[who];
    const before = await auditCount();
    let outcome: string = "ok";
    try {
      await run(w, actor);
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcome = error.code;
    }
    expect(outcome).toBe(expected);
    if (expected !== "ok") {
      expect(await auditCount(), "a refused operation writes nothing").toBe(before);
      // What the page or route answers: sign in, or a 404 that tells nothing.
      expect(pageOutcome(expected)).toBe(expected === "unauthenticated" ? "sign-in" : 404);
    }
  });

  it.each(cases)("$kind $name × an admin before their second factor → second_factor_required", async ({ run }) => {
    const w = await makeWorld(db());
    const before = await auditCount();
    const outcome = await run(w, { ...w.admin, pendingSecondFactor: true }).then(
      () => "ok",
      (error: unknown) => (isAppError(error) ? error.code : "unexpected"),
    );
    expect(outcome).toBe("second_factor_required");
    expect(await auditCount()).toBe(before);
    expect(pageOutcome("second_factor_required")).toBe("second-factor");
  });

  it("covers every dashboard operation (update this table when adding one)", () => {
    expect(cases.length).toBe(65);
  });
});
