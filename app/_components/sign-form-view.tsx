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
 * The sign form. A plain server component: the same form renders on the petition page and in the route
 * handler's answer to a mistake; with JavaScript, public/enhance.js posts it in the background, shows the button's
 * pending text, and puts the server's answer (this form again, with the messages) in its place.
 */
export function SignFormView({
  action,
  locale,
  values,
  errors,
  strings,
  limits,
}: {
  action: string;
  locale: string;
  values: SignFormValues;
  errors: SignFormErrors;
  strings: SignFormStrings;
  limits: SignFormLimits;
}) {
  const invalid = (["name", "email"] as const).filter((f) => errors[f]);
  return (
    // data-enhance: public/enhance.js posts it in the background and swaps in the form the server answers with;
    // data-pow: the post carries a proof of work too (public/enhance.js, lib/abuse/proof-of-work.ts).
    <form method="post" action={action} noValidate className="sign-form" id="sign-petition-form" data-enhance="form" data-pow="">
      <input type="hidden" name="locale" value={locale} />
      <ErrorSummary id="sign-errors" fieldPrefix="sign" invalid={invalid} errors={errors} summary={strings.errorSummary} />
      <PersonField id="sign-name" name="name" label={strings.name} hint={strings.nameHint} error={errors.name} value={values.name} maxLength={limits.name} required />
      <PersonField id="sign-email" name="email" label={strings.email} hint={strings.emailHint} error={errors.email} value={values.email} maxLength={limits.email} required />
      <CheckField id="sign-updates" name="updates" label={strings.updates} hint={strings.updatesHint} checked={values.updates} />
      <CheckField id="sign-public" name="public" label={strings.public} hint={strings.publicHint} checked={values.public} />
      <CheckField id="sign-delivery" name="delivery" label={strings.delivery} hint={strings.deliveryHint} checked={values.delivery} />
      <Honeypot id="sign-website" label={strings.honeypot} />
      <p>
        <button type="submit" className="button button-primary" data-pending={strings.pending}>
          {strings.submit}
        </button>
      </p>
      <p className="hint">{strings.privacy}</p>
    </form>
  );
}
