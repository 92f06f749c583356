"use server";

import { cancelUpdate, pauseUpdate, resumeUpdate } from "@/lib/updates/pause-update";
import { createUpdate } from "@/lib/updates/create-update";
import { editUpdate } from "@/lib/updates/edit-update";
import { scheduleUpdate, unscheduleUpdate } from "@/lib/updates/schedule-update";
import { sendTestUpdate } from "@/lib/updates/send-test-update";
import { sendUpdate } from "@/lib/updates/send-update";
import { updateCreateSchema, updateEditSchema, updateScheduleSchema, updateTestSchema, updateTransitionSchema } from "@/lib/validation/updates";
import type { Locale } from "@/lib/i18n/locales";
import { formAction } from "../_components/run-action";

/**
 * The update forms of the dashboard: parse (formAction), one domain operation (which checks role and campaign),
 * redirect. Ids and versions come in hidden fields, never bound actions (next 16.4.6 hung on those without JS).
 */
const updatePage =
  (notice: string) =>
  (locale: Locale, { updateId }: { updateId: string }) =>
    `/${locale}/dashboard/updates/${updateId}?notice=${notice}`;

export const createUpdateAction = formAction(updateCreateSchema, createUpdate, (locale, _, { id }) => updatePage("created")(locale, { updateId: id }));
export const editUpdateAction = formAction(updateEditSchema, editUpdate, (locale, _, { id }) => updatePage("saved")(locale, { updateId: id }));
export const sendUpdateAction = formAction(updateTransitionSchema, sendUpdate, (locale, input, outcome) =>
  updatePage("alreadySending" in outcome ? "updateAlreadySending" : "updateSending")(locale, input),
);
export const scheduleUpdateAction = formAction(updateScheduleSchema, scheduleUpdate, updatePage("updateScheduled"));
export const unscheduleUpdateAction = formAction(updateTransitionSchema, unscheduleUpdate, updatePage("updateUnscheduled"));
export const pauseUpdateAction = formAction(updateTransitionSchema, pauseUpdate, updatePage("updatePaused"));
export const resumeUpdateAction = formAction(updateTransitionSchema, resumeUpdate, updatePage("updateResumed"));
export const cancelUpdateAction = formAction(updateTransitionSchema, cancelUpdate, updatePage("updateCancelled"));
export const testUpdateAction = formAction(updateTestSchema, sendTestUpdate, updatePage("updateTestSent"));
