"use server";

import { getJobs } from "@/lib/jobs/runtime";
import { announceRally } from "@/lib/rallies/announce-rally";
import { cancelRally } from "@/lib/rallies/cancel-rally";
import { addWalkIn, checkInAttendee } from "@/lib/rallies/check-in";
import { createRally } from "@/lib/rallies/create-rally";
import { holdRally } from "@/lib/rallies/hold-rally";
import { updateRally } from "@/lib/rallies/update-rally";
import { checkInSchema, rallyCancelSchema, rallyCreateSchema, rallyHoldSchema, rallyTransitionSchema, rallyUpdateSchema, walkInSchema } from "@/lib/validation/rallies";
import type { FormState } from "@/lib/http/form-state";
import { runAction } from "../_components/run-action";

/**
 * The rally forms of the dashboard: parse (runAction), one domain operation (which checks role and campaign),
 * redirect. Ids and versions come in hidden fields, never bound actions (next 16.4.6 hung on those without JS).
 */
const rallyPage = (locale: string, id: string, notice: string, anchor = "") => `/${locale}/dashboard/rallies/${id}?notice=${notice}${anchor}`;

export async function createRallyAction(_: FormState, form: FormData) {
  return runAction(form, rallyCreateSchema, async (db, actor, input, locale) => {
    const rally = await createRally(db, actor, input);
    return rallyPage(locale, rally.id, "created");
  });
}

export async function updateRallyAction(_: FormState, form: FormData) {
  return runAction(form, rallyUpdateSchema, async (db, actor, input, locale) => {
    const rally = await updateRally({ db, jobs: await getJobs() }, actor, input);
    return rallyPage(locale, rally.id, rally.state === "changed" ? "rallySaved" : "saved");
  });
}

export async function announceRallyAction(_: FormState, form: FormData) {
  return runAction(form, rallyTransitionSchema, async (db, actor, input, locale) => {
    await announceRally(db, actor, input);
    return rallyPage(locale, input.rallyId, "rallyAnnounced");
  });
}

export async function cancelRallyAction(_: FormState, form: FormData) {
  return runAction(form, rallyCancelSchema, async (db, actor, input, locale) => {
    await cancelRally(db, actor, input);
    return rallyPage(locale, input.rallyId, "rallyCancelled");
  });
}

export async function holdRallyAction(_: FormState, form: FormData) {
  return runAction(form, rallyHoldSchema, async (db, actor, input, locale) => {
    await holdRally(db, actor, input);
    return rallyPage(locale, input.rallyId, "rallyHeld");
  });
}

export async function checkInAction(_: FormState, form: FormData) {
  return runAction(form, checkInSchema, async (db, actor, input, locale) => {
    await checkInAttendee(db, actor, input);
    return rallyPage(locale, input.rallyId, "checkedIn", "#attendees");
  });
}

export async function walkInAction(_: FormState, form: FormData) {
  return runAction(form, walkInSchema, async (db, actor, input, locale) => {
    await addWalkIn(db, actor, { ...input, locale });
    return rallyPage(locale, input.rallyId, "walkIn", "#attendees");
  });
}
