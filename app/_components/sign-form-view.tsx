import type { ReactNode } from "react";

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
  const hasErrors = invalid.length > 0 || Boolean(errors.form);
  return (
    // data-enhance: public/enhance.js posts it in the background and swaps in the form the server answers with.
    <form method="post" action={action} noValidate className="sign-form" id="sign-petition-form" data-enhance="form">
      <input type="hidden" name="locale" value={locale} />
      {hasErrors && (
        <div className="notice notice-error" role="alert" tabIndex={-1} id="sign-errors">
          <p>
            <strong>{errors.form ?? strings.errorSummary}</strong>
          </p>
          {invalid.length > 0 && (
            <ul>
              {invalid.map((f) => (
                <li key={f}>
                  <a href={`#sign-${f}`}>{errors[f]}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Field id="sign-name" label={strings.name} hint={strings.nameHint} error={errors.name}>
        {(describedBy) => (
          <input
            id="sign-name"
            name="name"
            type="text"
            autoComplete="name"
            required
            maxLength={limits.name}
            defaultValue={values.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field id="sign-email" label={strings.email} hint={strings.emailHint} error={errors.email}>
        {(describedBy) => (
          <input
            id="sign-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={limits.email}
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <div className="field check">
        <input id="sign-updates" name="updates" type="checkbox" defaultChecked={values.updates} aria-describedby="sign-updates-hint" />
        <div>
          <label htmlFor="sign-updates">{strings.updates}</label>
          <p className="hint" id="sign-updates-hint">{strings.updatesHint}</p>
        </div>
      </div>
      <div className="field check">
        <input id="sign-public" name="public" type="checkbox" defaultChecked={values.public} aria-describedby="sign-public-hint" />
        <div>
          <label htmlFor="sign-public">{strings.public}</label>
          <p className="hint" id="sign-public-hint">{strings.publicHint}</p>
        </div>
      </div>
      <div className="field check">
        <input id="sign-delivery" name="delivery" type="checkbox" defaultChecked={values.delivery} aria-describedby="sign-delivery-hint" />
        <div>
          <label htmlFor="sign-delivery">{strings.delivery}</label>
          <p className="hint" id="sign-delivery-hint">{strings.deliveryHint}</p>
        </div>
      </div>
      <div className="hp" aria-hidden="true">
        <label htmlFor="sign-website">{strings.honeypot}</label>
        <input id="sign-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p>
        <button type="submit" className="button button-primary" data-pending={strings.pending}>
          {strings.submit}
        </button>
      </p>
      <p className="hint">{strings.privacy}</p>
    </form>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  children: (describedBy: string) => ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : "", `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
