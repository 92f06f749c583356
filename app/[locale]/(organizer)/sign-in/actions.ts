"use server";

import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { getDb } from "@/db";
import { clientKey, signInPerClient, withinLimit } from "@/lib/abuse/rate-limit";
import { safeCallbackPath } from "@/lib/auth/locale";
import { addressPolicy } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import { fieldErrors } from "@/lib/validation/field-errors";
import { emailSchema, formObject } from "@/lib/validation/organizers";
import type { FormState } from "@/lib/http/form-state";
import { describeError } from "@/lib/log";

const signInForm = z.object({ email: emailSchema, callbackUrl: z.string().max(500).optional() });

function localeOf(form: FormData): Locale {
  const value = form.get("locale");
  return isLocale(value) ? value : defaultLocale;
}

/**
 * Asks Auth.js for a sign-in link. Whether or not the address may sign in, the answer is the same page
 * ("check your email"); only an invited address gets mail (lib/auth/config.ts).
 */
export async function requestSignInLink(_: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const values = formObject(form);
  const parsed = signInForm.safeParse(values);
  if (!parsed.success) {
    const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, code]) => [path, t(`errors.${code}` as "errors.required")]));
    return { errors, message: null, values };
  }
  // Per client, before anything about the address is looked at: the same work whoever is asked for.
  if (!(await withinLimit(await getDb(), signInPerClient, clientKey(clientAddress(await headers(), addressPolicy()))))) {
    return { errors: {}, message: t("errors.rate_limited"), values };
  }
  try {
    await signIn("email", { email: parsed.data.email, redirect: false, redirectTo: safeCallbackPath(parsed.data.callbackUrl, locale) });
  } catch (error) {
    console.error(`[auth] sign-in request failed ${describeError(error)}`);
    return { errors: {}, message: t("errors.unexpected"), values };
  }
  redirect(`/${locale}/sign-in/check-email`);
}

export async function signOutAction(form: FormData): Promise<void> {
  await signOut({ redirectTo: `/${localeOf(form)}/sign-in?signedOut=1` });
}
