"use server";

import { cancelUpdate, pauseUpdate, resumeUpdate } from "@/lib/updates/pause-update";
import { createUpdate } from "@/lib/updates/create-update";
import { editUpdate } from "@/lib/updates/edit-update";
import { scheduleUpdate, unscheduleUpdate } from "@/lib/updates/schedule-update";
import { sendTestUpdate } from "@/lib/updates/send-test-update";
import { sendUpdate } from "@/lib/updates/send-update";
import { updateCreateSchema, updateEditSchema, updateScheduleSchema, updateTestSchema, updateTransitionSchema } from "@/lib/validation/updates";
import type { FormState } from "@/lib/http/form-state";
import { runAction } from "../_components/run-action";

/**
 * The update forms of the dashboard: parse (runAction), one domain operation (which checks role and campaign),
 * redirect. Ids and versions come in hidden fields, never bound actions (next 16.4.6 hung on those without JS).
 */
const updatePage = (locale: string, id: string, notice: string) => `/${locale}/dashboard/updates/${id}?notice=${notice}`;

export async function createUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateCreateSchema, async (db, actor, input, locale) => updatePage(locale, (await createUpdate(db, actor, input)).id, "created"));
}

export async function editUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateEditSchema, async (db, actor, input, locale) => updatePage(locale, (await editUpdate(db, actor, input)).id, "saved"));
}

export async function sendUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateTransitionSchema, async (db, actor, input, locale) => {
    const outcome = await sendUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "alreadySending" in outcome ? "updateAlreadySending" : "updateSending");
  });
}

export async function scheduleUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateScheduleSchema, async (db, actor, input, locale) => {
    await scheduleUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "updateScheduled");
  });
}

export async function unscheduleUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateTransitionSchema, async (db, actor, input, locale) => {
    await unscheduleUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "updateUnscheduled");
  });
}

export async function pauseUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateTransitionSchema, async (db, actor, input, locale) => {
    await pauseUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "updatePaused");
  });
}

export async function resumeUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateTransitionSchema, async (db, actor, input, locale) => {
    await resumeUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "updateResumed");
  });
}

export async function cancelUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateTransitionSchema, async (db, actor, input, locale) => {
    await cancelUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "updateCancelled");
  });
}

export async function testUpdateAction(_: FormState, form: FormData) {
  return runAction(form, updateTestSchema, async (db, actor, input, locale) => {
    await sendTestUpdate(db, actor, input);
    return updatePage(locale, input.updateId, "updateTestSent");
  });
}
