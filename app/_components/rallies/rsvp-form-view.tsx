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
  const described = (id: string, hint: boolean, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    // data-pow: with JavaScript, public/enhance.js adds a proof of work to the post (lib/abuse/proof-of-work.ts).
    <form method="post" action={action} noValidate className="sign-form" data-pow="">
      <input type="hidden" name="locale" value={locale} />
      {(invalid.length > 0 || errors.form) && (
        <div className="notice notice-error" role="alert" id="rsvp-errors">
          <p>
            <strong>{errors.form ?? strings.errorSummary}</strong>
          </p>
          {invalid.length > 0 && (
            <ul>
              {invalid.map((f) => (
                <li key={f}>
                  <a href={`#rsvp-${f}`}>{errors[f]}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="rsvp-email">{strings.email}</label>
        <p className="hint" id="rsvp-email-hint">
          {strings.emailHint}
        </p>
        <input
          id="rsvp-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={320}
          defaultValue={values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={described("rsvp-email", true, errors.email)}
        />
        {errors.email && (
          <p className="field-error" id="rsvp-email-error">
            {errors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="rsvp-name">{strings.name}</label>
        <p className="hint" id="rsvp-name-hint">
          {strings.nameHint}
        </p>
        <input
          id="rsvp-name"
          name="name"
          type="text"
          autoComplete="name"
          maxLength={200}
          defaultValue={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={described("rsvp-name", true, errors.name)}
        />
        {errors.name && (
          <p className="field-error" id="rsvp-name-error">
            {errors.name}
          </p>
        )}
      </div>
      <div className="field check">
        <input id="rsvp-updates" name="updates" type="checkbox" defaultChecked={values.updates} aria-describedby="rsvp-updates-hint" />
        <div>
          <label htmlFor="rsvp-updates">{strings.updates}</label>
          <p className="hint" id="rsvp-updates-hint">
            {strings.updatesHint}
          </p>
        </div>
      </div>
      <div className="hp" aria-hidden="true">
        <label htmlFor="rsvp-website">{strings.honeypot}</label>
        <input id="rsvp-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p>
        <button type="submit" className="button button-primary">
          {strings.submit}
        </button>
      </p>
      <p className="hint">{strings.privacy}</p>
    </form>
  );
}
