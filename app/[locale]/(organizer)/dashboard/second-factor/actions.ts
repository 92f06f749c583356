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
import { formAction } from "../../_components/run-action";

const page = (locale: string, notice?: string) => `/${locale}/dashboard/second-factor${notice ? `?notice=${notice}` : ""}`;
const codeSchema = z.object({
  code: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(40, { error: "too_long" }),
  callbackUrl: z.string().max(500).optional(),
});
const nothing = z.object({});
const callback = z.object({ callbackUrl: z.string().max(500).optional() });

export const startEnrollmentAction = formAction(callback, startEnrollment, (locale, input) =>
  `${page(locale)}?${new URLSearchParams({ callbackUrl: safeCallbackPath(input.callbackUrl, locale) })}`,
);

/** Passing the second factor changes what the dashboard's shared layout shows (its navigation): render it anew. */
function passed(locale: Locale, input: { callbackUrl?: string }): string {
  revalidatePath(`/${locale}/dashboard`, "layout");
  return safeCallbackPath(input.callbackUrl, locale);
}

export const confirmEnrollmentAction = formAction(codeSchema, confirmEnrollment, passed);
export const verifySecondFactorAction = formAction(codeSchema, verifySecondFactor, passed);
export const makeNewRecoveryCodesAction = formAction(nothing, makeNewRecoveryCodes, (locale) => page(locale));
export const keepNewRecoveryCodesAction = formAction(nothing, keepNewRecoveryCodes, (locale) => page(locale, "codesSaved"));
export const resetSecondFactorAction = formAction(z.object({ userId: idSchema }), resetSecondFactor, (locale) => `/${locale}/dashboard/people?notice=secondFactorReset`);
