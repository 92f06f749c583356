import { CheckField, ErrorSummary, Honeypot, PersonField } from "../form-parts";

export type RsvpFormValues = { name: string; email: string; updates: boolean };
export type RsvpFormErrors = Partial<Record<"name" | "email" | "form", string>>;
export const rsvpFormStringKeys = ["email", "emailHint", "name", "nameHint", "updates", "updatesHint", "honeypot", "submit", "errorSummary", "privacy"] as const;
export type RsvpFormStrings = Record<(typeof rsvpFormStringKeys)[number], string>;

/**
 * The RSVP form: a plain HTML form (no hooks, no script), rendered on the rally page and, with the
 * messages, by the route handler when something was wrong.
 */
export function RsvpFormView({ action, locale, values, errors, strings }: { action: string; locale: string; values: RsvpFormValues; errors: RsvpFormErrors; strings: RsvpFormStrings }) {
  const invalid = (["email", "name"] as const).filter((f) => errors[f]);
  return (
    // data-pow: with JavaScript, public/enhance.js adds a proof of work to the post (lib/abuse/proof-of-work.ts).
    <form method="post" action={action} noValidate className="sign-form" data-pow="">
      <input type="hidden" name="locale" value={locale} />
      <ErrorSummary id="rsvp-errors" fieldPrefix="rsvp" invalid={invalid} errors={errors} summary={strings.errorSummary} />
      <PersonField id="rsvp-email" name="email" label={strings.email} hint={strings.emailHint} error={errors.email} value={values.email} maxLength={320} required />
      <PersonField id="rsvp-name" name="name" label={strings.name} hint={strings.nameHint} error={errors.name} value={values.name} maxLength={200} />
      <CheckField id="rsvp-updates" name="updates" label={strings.updates} hint={strings.updatesHint} checked={values.updates} />
      <Honeypot id="rsvp-website" label={strings.honeypot} />
      <p>
        <button type="submit" className="button button-primary">
          {strings.submit}
        </button>
      </p>
      <p className="hint">{strings.privacy}</p>
    </form>
  );
}
