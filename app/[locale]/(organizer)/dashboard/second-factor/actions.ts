"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/locale";
import type { Locale } from "@/lib/i18n/locales";
import { confirmEnrollment } from "@/lib/second-factor/confirm-enrollment";
import { keepNewRecoveryCodes, makeNewRecoveryCodes } from "@/lib/second-factor/new-recovery-codes";
import { resetSecondFactor } from "@/lib/second-factor/reset-second-factor";
import { startEnrollment } from "@/lib/second-factor/start-enrollment";
import { verifySecondFactor } from "@/lib/second-factor/verify-second-factor";
import { idSchema } from "@/lib/validation/organizers";
import type { FormState } from "@/lib/http/form-state";
import { runAction } from "../../_components/run-action";

const page = (locale: string, notice?: string) => `/${locale}/dashboard/second-factor${notice ? `?notice=${notice}` : ""}`;
const codeSchema = z.object({
  code: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(40, { error: "too_long" }),
  callbackUrl: z.string().max(500).optional(),
});
const nothing = z.object({});

export async function startEnrollmentAction(_: FormState, form: FormData) {
  return runAction(form, z.object({ callbackUrl: z.string().max(500).optional() }), async (db, actor, input, locale) => {
    await startEnrollment(db, actor);
    return `${page(locale)}?${new URLSearchParams({ callbackUrl: safeCallbackPath(input.callbackUrl, locale) })}`;
  });
}

/** Passing the second factor changes what the dashboard's shared layout shows (its navigation): render it anew. */
function passed(locale: Locale, callbackUrl: string | undefined): string {
  revalidatePath(`/${locale}/dashboard`, "layout");
  return safeCallbackPath(callbackUrl, locale);
}

export async function confirmEnrollmentAction(_: FormState, form: FormData) {
  return runAction(form, codeSchema, async (db, actor, input, locale) => {
    await confirmEnrollment(db, actor, input);
    return passed(locale, input.callbackUrl);
  });
}

export async function verifySecondFactorAction(_: FormState, form: FormData) {
  return runAction(form, codeSchema, async (db, actor, input, locale) => {
    await verifySecondFactor(db, actor, input);
    return passed(locale, input.callbackUrl);
  });
}

export async function makeNewRecoveryCodesAction(_: FormState, form: FormData) {
  return runAction(form, nothing, async (db, actor, _input, locale) => {
    await makeNewRecoveryCodes(db, actor);
    return page(locale);
  });
}

export async function keepNewRecoveryCodesAction(_: FormState, form: FormData) {
  return runAction(form, nothing, async (db, actor, _input, locale) => {
    await keepNewRecoveryCodes(db, actor);
    return page(locale, "codesSaved");
  });
}

export async function resetSecondFactorAction(_: FormState, form: FormData) {
  return runAction(form, z.object({ userId: idSchema }), async (db, actor, input, locale) => {
    await resetSecondFactor(db, actor, input);
    return `/${locale}/dashboard/people?notice=secondFactorReset`;
  });
}
