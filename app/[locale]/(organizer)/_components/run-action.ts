import "server-only";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { type Db, getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { refusal } from "@/lib/organizers/outcome";
import { fieldErrors, formObject } from "@/lib/validation/organizers";
import type { FormState } from "./form-state";
import { secondFactorHref, signInHref } from "./guard";
import { describeError } from "@/lib/log";

type Translate = (key: string) => string;

function translateCodes(t: Translate, codes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(codes).filter(([path]) => path !== "form").map(([path, code]) => [path, t(`errors.${code}`)]));
}

/**
 * The boundary of every dashboard form: who is asking (anonymous → sign in), zod on the form, the domain
 * operation, then either a redirect to where the result shows (POST-redirect-GET, JavaScript or not) or the
 * form again with translated messages and what was typed. Never a 500 for bad input.
 */
export async function runAction<S extends z.ZodType>(
  form: FormData,
  schema: S,
  operation: (db: Db, actor: Actor, input: z.infer<S>, locale: Locale) => Promise<string>,
): Promise<FormState> {
  const localeField = form.get("locale");
  const locale: Locale = isLocale(localeField) ? localeField : defaultLocale;
  const t = (await getTranslations({ locale, namespace: "dashboard" })) as unknown as Translate;
  const values = formObject(form);
  const actor = await currentActor();
  if (!actor) redirect(signInHref(locale));
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: translateCodes(t, fieldErrors(parsed.error)), message: null, values };
  let target: string;
  try {
    target = await operation(await getDb(), actor, parsed.data, locale);
  } catch (error) {
    if (!isAppError(error)) {
      console.error(`[dashboard] action failed ${describeError(error)}`);
      return { errors: {}, message: t("errors.unexpected"), values };
    }
    const outcome = refusal(error);
    if (outcome === "sign-in") redirect(signInHref(locale));
    if (outcome === "second-factor") redirect(secondFactorHref(locale));
    if (outcome === 404) return { errors: {}, message: t("errors.not_found"), values };
    const formCode = error.fields.form;
    return {
      errors: translateCodes(t, error.fields),
      message: formCode ? t(`errors.${formCode}`) : t("errors.summary"),
      values,
    };
  }
  redirect(target);
}
