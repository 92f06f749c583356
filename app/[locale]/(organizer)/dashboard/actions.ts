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
import type { Locale } from "@/lib/i18n/locales";
import { formAction } from "../_components/run-action";
import { addRule, removeRule } from "@/lib/abuse/manage-rules";
import { abuseFlagIdSchema, abuseRuleIdSchema, abuseRuleSchema, bulkReverseSchema, bulkRunSchema } from "@/lib/validation/abuse";
import { blockFromFlag, dismissFlag } from "@/lib/abuse/flags";

/**
 * The dashboard's server actions. Each one only parses the form (formAction), calls one domain operation —
 * which checks the role and the campaign itself — and says where to go next. Ids and versions come in
 * hidden fields: no bound actions (a bound action posted without JavaScript hung next 16.4.6).
 */

type To<K extends string> = (locale: Locale, input: Record<K, string>) => string;
const campaignPage =
  (notice: string, anchor = ""): To<"campaignId"> =>
  (locale, { campaignId }) =>
    `/${locale}/dashboard/campaigns/${campaignId}?notice=${notice}${anchor}`;
const profilePage =
  (notice: string, anchor = ""): To<"campaignId"> =>
  (locale, { campaignId }) =>
    `/${locale}/dashboard/campaigns/${campaignId}/profile?notice=${notice}${anchor}`;
const petitionPage =
  (notice: string, anchor = ""): To<"petitionId"> =>
  (locale, { petitionId }) =>
    `/${locale}/dashboard/petitions/${petitionId}?notice=${notice}${anchor}`;
const dashboardPage = (path: string, notice: string) => (locale: Locale) => `/${locale}/dashboard/${path}?notice=${notice}`;

export const createCampaignAction = formAction(campaignCreateSchema, createCampaign, (locale, _, { id }) => campaignPage("created")(locale, { campaignId: id }));
export const updateCampaignAction = formAction(campaignUpdateSchema, updateCampaign, campaignPage("saved"));
export const submitCampaignAction = formAction(campaignStateSchema, submitCampaign, campaignPage("campaignSubmitted"));
export const approveCampaignAction = formAction(campaignStateSchema, approveCampaign, campaignPage("campaignPublished"));
export const refuseCampaignAction = formAction(campaignRefuseSchema, refuseCampaign, campaignPage("campaignRefused"));
export const unpublishCampaignAction = formAction(campaignStateSchema, unpublishCampaign, campaignPage("campaignUnpublished"));

export const updateProfileAction = formAction(profileSchema, updateProfile, profilePage("saved"));
export const addTimelineEventAction = formAction(timelineEventSchema, addTimelineEvent, profilePage("added", "#timeline"));
export const removeTimelineEventAction = formAction(removeChildSchema, removeTimelineEvent, profilePage("removed", "#timeline"));
export const addSourceAction = formAction(sourceSchema, addSource, profilePage("added", "#sources"));
export const removeSourceAction = formAction(removeChildSchema, removeSource, profilePage("removed", "#sources"));

export const createPetitionAction = formAction(petitionCreateSchema, createPetition, (locale, _, { id }) => petitionPage("created")(locale, { petitionId: id }));
export const updatePetitionAction = formAction(petitionUpdateSchema, updatePetition, petitionPage("saved"));
export const publishPetitionAction = formAction(petitionTransitionSchema, publishPetition, petitionPage("published"));
export const closePetitionAction = formAction(petitionTransitionSchema, closePetition, petitionPage("closed"));
export const reopenPetitionAction = formAction(petitionTransitionSchema, reopenPetition, petitionPage("reopened"));
export const deliverPetitionAction = formAction(petitionDeliverSchema, deliverPetition, petitionPage("delivered"));
export const archivePetitionAction = formAction(petitionTransitionSchema, archivePetition, petitionPage("archived"));
export const setSignerNameHiddenAction = formAction(signerNameVisibilitySchema, setSignerNameHidden, (locale, input) =>
  petitionPage(input.hidden ? "nameHidden" : "nameShown", "#names")(locale, input),
);

// The invitation email commits with the invitation; the mail sender delivers it.
export const inviteAction = formAction(inviteSchema, inviteUser, dashboardPage("people", "invited"));
export const removeUserAction = formAction(removeUserSchema, removeUser, dashboardPage("people", "removedUser"));
export const addAbuseRuleAction = formAction(abuseRuleSchema, addRule, dashboardPage("abuse", "abuseRuleAdded"));
export const removeAbuseRuleAction = formAction(abuseRuleIdSchema, removeRule, dashboardPage("abuse", "abuseRuleRemoved"));
export const runBulkInvalidationAction = formAction(bulkRunSchema, runBulkInvalidation, dashboardPage("invalidations", "bulkInvalidated"));
export const reverseBulkInvalidationAction = formAction(bulkReverseSchema, reverseBulkInvalidation, dashboardPage("invalidations", "bulkReversed"));
export const blockAbuseFlagAction = formAction(abuseFlagIdSchema, blockFromFlag, dashboardPage("abuse", "abuseFlagBlocked"));
export const dismissAbuseFlagAction = formAction(abuseFlagIdSchema, dismissFlag, dashboardPage("abuse", "abuseFlagDismissed"));
