import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { type Db, getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { runFormAction } from "@/lib/http/form-action";
import type { FormState } from "@/lib/http/form-state";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { formObject } from "@/lib/validation/organizers";
import { secondFactorHref, signInHref } from "./guard";

type Operation<S extends z.ZodType, R> = (db: Db, actor: Actor, input: z.infer<S>, locale: Locale) => Promise<R>;

/**
 * Every dashboard form: who is asking (anonymous → sign in), then the boundary (lib/http/form-action.ts), then
 * either a redirect to where the result shows (POST-redirect-GET, JavaScript or not) or the form again with
 * translated messages and what was typed. Never a 500 for bad input.
 */
export async function runAction<S extends z.ZodType>(form: FormData, schema: S, operation: Operation<S, string>): Promise<FormState> {
  const localeField = form.get("locale");
  const locale: Locale = isLocale(localeField) ? localeField : defaultLocale;
  const actor = await currentActor();
  if (!actor) redirect(signInHref(locale));
  const outcome = await runFormAction({ name: "dashboard", locale, actor, values: formObject(form), schema, db: getDb, operation });
  if ("redirect" in outcome) redirect(outcome.redirect);
  if ("refused" in outcome) redirect(outcome.refused === "sign-in" ? signInHref(locale) : secondFactorHref(locale));
  return outcome.state;
}

/**
 * A dashboard server action: `export const publishPetitionAction = formAction(schema, publishPetition, next)` in a
 * "use server" file (which may export only async functions, so the factory lives here). It parses the form with
 * `schema`, runs the domain operation (which checks role and ownership) and goes to `next(locale, input, result)`.
 */
export function formAction<S extends z.ZodType, R>(
  schema: S,
  operation: (db: Db, actor: Actor, input: z.infer<S>) => Promise<R>,
  next: (locale: Locale, input: z.infer<S>, result: R) => string,
): (state: FormState, form: FormData) => Promise<FormState> {
  // Exactly three arguments: a domain operation's own optional ones (a clock, options) keep their defaults.
  return async (_state, form) => runAction(form, schema, async (db, actor, input, locale) => next(locale, input, await operation(db, actor, input)));
}
