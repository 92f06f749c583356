"use server";

import { reverseBulkInvalidation, runBulkInvalidation } from "@/lib/abuse/bulk-invalidate";
import { addSource } from "@/lib/campaigns/add-source";
import { addTimelineEvent } from "@/lib/campaigns/add-timeline-event";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { approveCampaign } from "@/lib/campaigns/approve-campaign";
import { refuseCampaign } from "@/lib/campaigns/refuse-campaign";
import { submitCampaign } from "@/lib/campaigns/submit-campaign";
import { removeSource } from "@/lib/campaigns/remove-source";
import { removeTimelineEvent } from "@/lib/campaigns/remove-timeline-event";
import { unpublishCampaign } from "@/lib/campaigns/unpublish-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { updateProfile } from "@/lib/campaigns/update-profile";
import { inviteUser } from "@/lib/organizers/invite-user";
import { removeUser } from "@/lib/organizers/remove-user";
import { archivePetition } from "@/lib/petitions/archive-petition";
import { closePetition } from "@/lib/petitions/close-petition";
import { createPetition } from "@/lib/petitions/create-petition";
import { deliverPetition } from "@/lib/petitions/deliver-petition";
import { publishPetition } from "@/lib/petitions/publish-petition";
import { reopenPetition } from "@/lib/petitions/reopen-petition";
import { updatePetition } from "@/lib/petitions/update-petition";
import { setSignerNameHidden } from "@/lib/signatures/set-signer-name-hidden";
import {
  campaignCreateSchema,
  campaignRefuseSchema,
  campaignStateSchema,
  campaignUpdateSchema,
  inviteSchema,
  petitionCreateSchema,
  petitionDeliverSchema,
  petitionTransitionSchema,
  petitionUpdateSchema,
  profileSchema,
  removeChildSchema,
  removeUserSchema,
  signerNameVisibilitySchema,
  sourceSchema,
  timelineEventSchema,
} from "@/lib/validation/organizers";
import type { FormState } from "@/lib/http/form-state";
import { runAction } from "../_components/run-action";
import { addRule, removeRule } from "@/lib/abuse/manage-rules";
import { abuseRuleIdSchema, abuseRuleSchema, bulkReverseSchema, bulkRunSchema } from "@/lib/validation/abuse";

/**
 * The dashboard's server actions. Each one only parses the form (runAction), calls one domain operation —
 * which checks the role and the campaign itself — and says where to go next. Ids and versions come in
 * hidden fields: no bound actions (a bound action posted without JavaScript hung next 16.4.6).
 */

const campaignPage = (locale: string, id: string, notice: string, anchor = "") => `/${locale}/dashboard/campaigns/${id}?notice=${notice}${anchor}`;
const profilePage = (locale: string, id: string, notice: string, anchor = "") => `/${locale}/dashboard/campaigns/${id}/profile?notice=${notice}${anchor}`;
const petitionPage = (locale: string, id: string, notice: string) => `/${locale}/dashboard/petitions/${id}?notice=${notice}`;

export async function createCampaignAction(_: FormState, form: FormData) {
  return runAction(form, campaignCreateSchema, async (db, actor, input, locale) => {
    const campaign = await createCampaign(db, actor, input);
    return campaignPage(locale, campaign.id, "created");
  });
}

export async function updateCampaignAction(_: FormState, form: FormData) {
  return runAction(form, campaignUpdateSchema, async (db, actor, input, locale) => {
    await updateCampaign(db, actor, input);
    return campaignPage(locale, input.campaignId, "saved");
  });
}

export async function submitCampaignAction(_: FormState, form: FormData) {
  return runAction(form, campaignStateSchema, async (db, actor, input, locale) => {
    await submitCampaign(db, actor, input);
    return campaignPage(locale, input.campaignId, "campaignSubmitted");
  });
}

export async function approveCampaignAction(_: FormState, form: FormData) {
  return runAction(form, campaignStateSchema, async (db, actor, input, locale) => {
    await approveCampaign(db, actor, input);
    return campaignPage(locale, input.campaignId, "campaignPublished");
  });
}

export async function refuseCampaignAction(_: FormState, form: FormData) {
  return runAction(form, campaignRefuseSchema, async (db, actor, input, locale) => {
    await refuseCampaign(db, actor, input);
    return campaignPage(locale, input.campaignId, "campaignRefused");
  });
}

export async function unpublishCampaignAction(_: FormState, form: FormData) {
  return runAction(form, campaignStateSchema, async (db, actor, input, locale) => {
    await unpublishCampaign(db, actor, input);
    return campaignPage(locale, input.campaignId, "campaignUnpublished");
  });
}

export async function updateProfileAction(_: FormState, form: FormData) {
  return runAction(form, profileSchema, async (db, actor, input, locale) => {
    await updateProfile(db, actor, input);
    return profilePage(locale, input.campaignId, "saved");
  });
}

export async function addTimelineEventAction(_: FormState, form: FormData) {
  return runAction(form, timelineEventSchema, async (db, actor, input, locale) => {
    await addTimelineEvent(db, actor, input);
    return profilePage(locale, input.campaignId, "added", "#timeline");
  });
}

export async function removeTimelineEventAction(_: FormState, form: FormData) {
  return runAction(form, removeChildSchema, async (db, actor, input, locale) => {
    await removeTimelineEvent(db, actor, input);
    return profilePage(locale, input.campaignId, "removed", "#timeline");
  });
}

export async function addSourceAction(_: FormState, form: FormData) {
  return runAction(form, sourceSchema, async (db, actor, input, locale) => {
    await addSource(db, actor, input);
    return profilePage(locale, input.campaignId, "added", "#sources");
  });
}

export async function removeSourceAction(_: FormState, form: FormData) {
  return runAction(form, removeChildSchema, async (db, actor, input, locale) => {
    await removeSource(db, actor, input);
    return profilePage(locale, input.campaignId, "removed", "#sources");
  });
}

export async function createPetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionCreateSchema, async (db, actor, input, locale) => {
    const petition = await createPetition(db, actor, input);
    return petitionPage(locale, petition.id, "created");
  });
}

export async function updatePetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionUpdateSchema, async (db, actor, input, locale) => {
    await updatePetition(db, actor, input);
    return petitionPage(locale, input.petitionId, "saved");
  });
}

export async function publishPetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionTransitionSchema, async (db, actor, input, locale) => {
    await publishPetition(db, actor, input);
    return petitionPage(locale, input.petitionId, "published");
  });
}

export async function closePetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionTransitionSchema, async (db, actor, input, locale) => {
    await closePetition(db, actor, input);
    return petitionPage(locale, input.petitionId, "closed");
  });
}

export async function reopenPetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionTransitionSchema, async (db, actor, input, locale) => {
    await reopenPetition(db, actor, input);
    return petitionPage(locale, input.petitionId, "reopened");
  });
}

export async function deliverPetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionDeliverSchema, async (db, actor, input, locale) => {
    await deliverPetition(db, actor, input);
    return petitionPage(locale, input.petitionId, "delivered");
  });
}

export async function archivePetitionAction(_: FormState, form: FormData) {
  return runAction(form, petitionTransitionSchema, async (db, actor, input, locale) => {
    await archivePetition(db, actor, input);
    return petitionPage(locale, input.petitionId, "archived");
  });
}

export async function inviteAction(_: FormState, form: FormData) {
  return runAction(form, inviteSchema, async (db, actor, input, locale) => {
    // The invitation email commits with the invitation; the mail sender delivers it.
    await inviteUser(db, actor, input);
    return `/${locale}/dashboard/people?notice=invited`;
  });
}

export async function removeUserAction(_: FormState, form: FormData) {
  return runAction(form, removeUserSchema, async (db, actor, input, locale) => {
    await removeUser(db, actor, input);
    return `/${locale}/dashboard/people?notice=removedUser`;
  });
}

export async function setSignerNameHiddenAction(_: FormState, form: FormData) {
  return runAction(form, signerNameVisibilitySchema, async (db, actor, input, locale) => {
    await setSignerNameHidden(db, actor, input);
    return `${petitionPage(locale, input.petitionId, input.hidden ? "nameHidden" : "nameShown")}#names`;
  });
}

export async function addAbuseRuleAction(_: FormState, form: FormData) {
  return runAction(form, abuseRuleSchema, async (db, actor, input, locale) => {
    await addRule(db, actor, input);
    return `/${locale}/dashboard/abuse?notice=abuseRuleAdded`;
  });
}

export async function removeAbuseRuleAction(_: FormState, form: FormData) {
  return runAction(form, abuseRuleIdSchema, async (db, actor, input, locale) => {
    await removeRule(db, actor, input);
    return `/${locale}/dashboard/abuse?notice=abuseRuleRemoved`;
  });
}

export async function runBulkInvalidationAction(_: FormState, form: FormData) {
  return runAction(form, bulkRunSchema, async (db, actor, input, locale) => {
    await runBulkInvalidation(db, actor, input);
    return `/${locale}/dashboard/invalidations?notice=bulkInvalidated`;
  });
}

export async function reverseBulkInvalidationAction(_: FormState, form: FormData) {
  return runAction(form, bulkReverseSchema, async (db, actor, input, locale) => {
    await reverseBulkInvalidation(db, actor, input);
    return `/${locale}/dashboard/invalidations?notice=bulkReversed`;
  });
}
