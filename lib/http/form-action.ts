import type { z } from "zod";
import type { Db } from "@/db";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { Actor } from "@/lib/organizers/access";
import { refusal } from "@/lib/organizers/outcome";
import { recordRefusal } from "@/lib/audit/security-events";
import { fieldErrors } from "@/lib/validation/field-errors";
import { logUnexpected } from "./boundary";
import type { FormState } from "./form-state";

/** Where a form action goes next: a page (POST-redirect-GET), sign-in / second factor, or its form again. */
export type FormOutcome = { redirect: string } | { refused: "sign-in" | "second-factor" } | { state: FormState };

export type FormActionInput<S extends z.ZodType> = {
  /** For the log line of an unexpected error. */
  name: string;
  locale: Locale;
  actor: Actor;
  values: Record<string, unknown>;
  schema: S;
  db: () => Promise<Db>;
  operation: (db: Db, actor: Actor, input: z.infer<S>, locale: Locale) => Promise<string>;
};

/**
 * The server-action half of the boundary (lib/http/boundary.tsx), free of Next's request scope so it runs in
 * tests: zod on the form, the domain operation, AppError codes → translated field and form messages, anything
 * else logged once with a request id and answered with the translated error message carrying that id.
 */
export async function runFormAction<S extends z.ZodType>(p: FormActionInput<S>): Promise<FormOutcome> {
  const t = translator(p.locale);
  // Codes come from the schemas and the domain operations; the catalogue test keeps them translated.
  const message = (code: string) => t(`dashboard.errors.${code}` as "dashboard.errors.summary");
  const translate = (codes: Record<string, string>) =>
    Object.fromEntries(Object.entries(codes).filter(([path]) => path !== "form").map(([path, code]) => [path, message(code)]));
  const parsed = p.schema.safeParse(p.values);
  if (!parsed.success) return { state: { errors: translate(fieldErrors(parsed.error)), message: null, values: p.values } };
  try {
    return { redirect: await p.operation(await p.db(), p.actor, parsed.data, p.locale) };
  } catch (error) {
    if (!isAppError(error) || error.code === "unexpected") {
      const requestId = logUnexpected(p.name, error);
      return { state: { errors: {}, message: `${t("httpErrors.unexpected")} ${t("error.reference", { id: requestId })}`, values: p.values } };
    }
    const outcome = refusal(error);
    if (outcome === "sign-in" || outcome === "second-factor") return { refused: outcome };
    if (outcome === 404) await recordRefusal(await p.db(), error, p.actor?.userId, `form:${p.name}`);
    if (outcome === 404) return { state: { errors: {}, message: t("dashboard.errors.not_found"), values: p.values } };
    const formCode = error.fields.form;
    return {
      state: { errors: translate(error.fields), message: message(formCode ?? "summary"), values: p.values },
    };
  }
}
