import type { FormHTMLAttributes } from "react";
import { CheckField, ErrorSummary, Honeypot, PersonField } from "./form-parts";

export type SignFormValues = { name: string; email: string; updates: boolean; public: boolean; delivery: boolean };
export type SignFormField = "name" | "email";
/** Messages already in the page's language, per field, plus one for the whole form. */
export type SignFormErrors = Partial<Record<SignFormField | "form", string>>;
/** The signForm messages the form shows (the page's language), formatted with `{ target }` (the petition's). */
export const signFormStringKeys = [
  "name", "nameHint", "email", "emailHint", "updates", "updatesHint", "public", "publicHint",
  "delivery", "deliveryHint", "honeypot", "submit", "pending", "errorSummary", "privacy",
] as const;
export type SignFormStrings = Record<(typeof signFormStringKeys)[number], string>;

export const emptyValues: SignFormValues = { name: "", email: "", updates: false, public: false, delivery: false };

/** The server's limits (lib/validation/signatures.ts), passed in so the client bundle does not carry zod. */
export type SignFormLimits = { name: number; email: number };

/**
 * The sign form's markup. A plain component (no hooks), so the same form renders on the petition page,
 * inside the enhancing client component, and in the route handler's error page when JavaScript is off.
 */
export function SignFormView({
  action,
  locale,
  values,
  errors,
  strings,
  limits,
  pending = false,
  formProps,
  summaryRef,
}: {
  action: string;
  locale: string;
  values: SignFormValues;
  errors: SignFormErrors;
  strings: SignFormStrings;
  limits: SignFormLimits;
  pending?: boolean;
  formProps?: FormHTMLAttributes<HTMLFormElement>;
  summaryRef?: (el: HTMLDivElement | null) => void;
}) {
  const invalid = (["name", "email"] as const).filter((f) => errors[f]);
  return (
    <form method="post" action={action} noValidate className="sign-form" aria-busy={pending} {...formProps}>
      <input type="hidden" name="locale" value={locale} />
      <ErrorSummary id="sign-errors" fieldPrefix="sign" invalid={invalid} errors={errors} summary={strings.errorSummary} summaryRef={summaryRef} />
      <PersonField id="sign-name" name="name" label={strings.name} hint={strings.nameHint} error={errors.name} value={values.name} maxLength={limits.name} required />
      <PersonField id="sign-email" name="email" label={strings.email} hint={strings.emailHint} error={errors.email} value={values.email} maxLength={limits.email} required />
      <CheckField id="sign-updates" name="updates" label={strings.updates} hint={strings.updatesHint} checked={values.updates} />
      <CheckField id="sign-public" name="public" label={strings.public} hint={strings.publicHint} checked={values.public} />
      <CheckField id="sign-delivery" name="delivery" label={strings.delivery} hint={strings.deliveryHint} checked={values.delivery} />
      <Honeypot id="sign-website" label={strings.honeypot} />
      <p>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? strings.pending : strings.submit}
        </button>
      </p>
      <p className="hint">{strings.privacy}</p>
    </form>
  );
}
