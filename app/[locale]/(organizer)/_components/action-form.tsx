"use client";

import { useLocale } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { type FormState, initialFormState, valueAt } from "@/lib/http/form-state";
import { locales } from "@/lib/i18n/locales";

const localeOrder = locales;

type Common = { name: string; label: string; hint?: string; maxLength?: number };
export type FieldSpec =
  | { kind: "hidden"; name: string; value: string }
  | (Common & { kind: "text" | "email" | "date" | "datetime-local" | "number" | "url"; autoComplete?: string; required?: boolean })
  | (Common & { kind: "textarea"; rows?: number })
  /** One field written in each language: a fieldset of three inputs (textareas when `rows` is set). */
  | (Common & { kind: "localized"; rows?: number })
  | (Common & { kind: "select"; options: { value: string; label: string }[] });

export type ActionFormProps = {
  id: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  initial: Record<string, unknown>;
  strings: { submit: string; pending: string; errorSummary: string; languages: Record<(typeof localeOrder)[number], string> };
  /** Submit button style. */
  primary?: boolean;
};

const fieldId = (form: string, name: string) => `${form}-${name.replace(/\./g, "-")}`;

/**
 * A dashboard form: a plain HTML form posting to a server action (works without JavaScript; the page then
 * re-renders with what was typed and the errors), enhanced with a pending state when JavaScript runs.
 */
export function ActionForm({ id, action, fields, initial, strings, primary = true }: ActionFormProps) {
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = state.values ?? initial;
  const summary = useRef<HTMLDivElement>(null);
  const failed = Boolean(state.message) || Object.keys(state.errors).length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new answer (a new state object) moves focus to its summary
  useEffect(() => {
    if (failed) summary.current?.focus();
  }, [state, failed]);

  const labelOf = (path: string): string => {
    const [name, sub] = path.split(".");
    const field = fields.find((f) => f.name === name && f.kind !== "hidden") as Common | undefined;
    if (!field) return "";
    return sub && sub in strings.languages ? `${field.label} (${strings.languages[sub as keyof typeof strings.languages]})` : field.label;
  };

  return (
    <form id={id} action={formAction} className="dashboard-form" aria-busy={pending} noValidate>
      <input type="hidden" name="locale" value={locale} />
      {failed && (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={summary}>
          <p>
            <strong>{state.message ?? strings.errorSummary}</strong>
          </p>
          {Object.keys(state.errors).length > 0 && (
            <ul>
              {Object.entries(state.errors).map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(id, path)}`}>{labelOf(path) ? `${labelOf(path)}: ${message}` : message}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {fields.map((field) => {
        if (field.kind === "hidden") return <input key={field.name} type="hidden" name={field.name} value={valueAt(values, field.name) || field.value} />;
        if (field.kind === "localized") {
          return (
            <fieldset key={field.name} className="localized">
              <legend>{field.label}</legend>
              {field.hint && <p className="hint">{field.hint}</p>}
              {localeOrder.map((l) => (
                <Input key={l} form={id} field={field} name={`${field.name}.${l}`} label={strings.languages[l]} lang={l} value={valueAt(values, `${field.name}.${l}`)} error={state.errors[`${field.name}.${l}`]} />
              ))}
            </fieldset>
          );
        }
        return <Input key={field.name} form={id} field={field} name={field.name} label={field.label} hint={field.hint} value={valueAt(values, field.name)} error={state.errors[field.name]} />;
      })}
      <p>
        <button type="submit" className={primary ? "button button-primary" : "button"} disabled={pending}>
          {pending ? strings.pending : strings.submit}
        </button>
      </p>
    </form>
  );
}

function Input({
  form,
  field,
  name,
  label,
  hint,
  lang,
  value,
  error,
}: {
  form: string;
  field: Exclude<FieldSpec, { kind: "hidden" }>;
  name: string;
  label: string;
  hint?: string;
  lang?: string;
  value: string;
  error?: string;
}) {
  const id = fieldId(form, name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name, lang, defaultValue: value, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  const rows = "rows" in field ? field.rows : undefined;
  let control: ReactNode;
  if (field.kind === "select") {
    control = (
      <select {...common}>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === "textarea" || (field.kind === "localized" && rows)) {
    control = <textarea {...common} rows={rows ?? 4} maxLength={field.maxLength} />;
  } else {
    const type = field.kind === "localized" ? "text" : field.kind;
    control = (
      <input
        {...common}
        type={type}
        inputMode={type === "number" ? "numeric" : undefined}
        autoComplete={"autoComplete" in field ? field.autoComplete : undefined}
        required={"required" in field ? field.required : undefined}
        maxLength={field.maxLength}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
