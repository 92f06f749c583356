"use server";

import { getJobs } from "@/lib/jobs/runtime";
import { announceRally } from "@/lib/rallies/announce-rally";
import { cancelRally } from "@/lib/rallies/cancel-rally";
import { addWalkIn, checkInAttendee } from "@/lib/rallies/check-in";
import { createRally } from "@/lib/rallies/create-rally";
import { holdRally } from "@/lib/rallies/hold-rally";
import { updateRally } from "@/lib/rallies/update-rally";
import { checkInSchema, rallyCancelSchema, rallyCreateSchema, rallyHoldSchema, rallyTransitionSchema, rallyUpdateSchema, walkInSchema } from "@/lib/validation/rallies";
import type { Locale } from "@/lib/i18n/locales";
import { formAction } from "../_components/run-action";

/**
 * The rally forms of the dashboard: parse (formAction), one domain operation (which checks role and campaign),
 * redirect. Ids and versions come in hidden fields, never bound actions (next 16.4.6 hung on those without JS).
 */
const rallyPage =
  (notice: string, anchor = "") =>
  (locale: Locale, { rallyId }: { rallyId: string }) =>
    `/${locale}/dashboard/rallies/${rallyId}?notice=${notice}${anchor}`;

export const createRallyAction = formAction(rallyCreateSchema, createRally, (locale, _, { id }) => rallyPage("created")(locale, { rallyId: id }));
export const updateRallyAction = formAction(
  rallyUpdateSchema,
  async (db, actor, input) => updateRally({ db, jobs: await getJobs() }, actor, input),
  (locale, _, rally) => rallyPage(rally.state === "changed" ? "rallySaved" : "saved")(locale, { rallyId: rally.id }),
);
export const announceRallyAction = formAction(rallyTransitionSchema, announceRally, rallyPage("rallyAnnounced"));
export const cancelRallyAction = formAction(rallyCancelSchema, cancelRally, rallyPage("rallyCancelled"));
export const holdRallyAction = formAction(rallyHoldSchema, holdRally, rallyPage("rallyHeld"));
export const checkInAction = formAction(checkInSchema, checkInAttendee, rallyPage("checkedIn", "#attendees"));
export const walkInAction = formAction(walkInSchema, addWalkIn, rallyPage("walkIn", "#attendees"));
