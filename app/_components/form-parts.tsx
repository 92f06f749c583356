import type { ReactNode } from "react";

/**
 * The parts every public form (sign, RSVP) is made of: plain components (no hooks), so they render on a page, in
 * an enhancing client component and in a route handler's error page when JavaScript is off.
 */

/** The error summary at the top: the form's message (or the generic one) and a link to each invalid field. */
export function ErrorSummary<F extends string>({
  id,
  fieldPrefix,
  invalid,
  errors,
  summary,
  summaryRef,
}: {
  id: string;
  fieldPrefix: string;
  invalid: readonly F[];
  errors: Partial<Record<F | "form", string>>;
  summary: string;
  summaryRef?: (el: HTMLDivElement | null) => void;
}) {
  if (invalid.length === 0 && !errors.form) return null;
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={summaryRef} id={id}>
      <p>
        <strong>{errors.form ?? summary}</strong>
      </p>
      {invalid.length > 0 && (
        <ul>
          {invalid.map((f) => (
            <li key={f}>
              <a href={`#${fieldPrefix}-${f}`}>{errors[f]}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A labelled field with its hint and, when invalid, its message; the input gets the ids to describe itself. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint: string; error?: string; children: (describedBy: string) => ReactNode }) {
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

const inputKinds = {
  email: { type: "email", inputMode: "email", autoComplete: "email", autoCapitalize: "none", spellCheck: false },
  name: { type: "text", autoComplete: "name" },
} as const;

/** A person's email address or name, as a labelled field (`name` is the form field too). */
export function PersonField({
  id,
  name,
  label,
  hint,
  error,
  value,
  maxLength,
  required = false,
}: {
  id: string;
  name: keyof typeof inputKinds;
  label: string;
  hint: string;
  error?: string;
  value: string;
  maxLength: number;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          {...inputKinds[name]}
          required={required || undefined}
          maxLength={maxLength}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}

/** A checkbox with its label and hint. */
export function CheckField({ id, name, label, hint, checked }: { id: string; name: string; label: string; hint: string; checked: boolean }) {
  return (
    <div className="field check">
      <input id={id} name={name} type="checkbox" defaultChecked={checked} aria-describedby={`${id}-hint`} />
      <div>
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
    </div>
  );
}

/** The field only bots fill in (hidden from people and from screen readers). */
export function Honeypot({ id, label }: { id: string; label: string }) {
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
