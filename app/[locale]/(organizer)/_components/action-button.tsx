"use client";

import { useLocale } from "next-intl";
import { useActionState } from "react";
import { type FormState, initialFormState } from "@/lib/http/form-state";

/**
 * A one-button form (publish, close, remove …) with its ids and version in hidden fields — never a bound
 * action: a bound action posted without JavaScript hung the server in next 16.4.6.
 */
export function ActionButton({
  action,
  hidden,
  label,
  pending: pendingLabel,
  danger = false,
  fieldLabels = {},
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  label: string;
  pending: string;
  danger?: boolean;
  /** Names for field paths an error may mention (publishing names the missing translations). */
  fieldLabels?: Record<string, string>;
}) {
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const failed = Boolean(state.message) || Object.keys(state.errors).length > 0;
  return (
    <form action={formAction} className="action-button" aria-busy={pending}>
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button type="submit" className={danger ? "button button-danger" : "button"} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      {failed && (
        <div className="notice notice-error" role="alert">
          {state.message && <p>{state.message}</p>}
          {Object.keys(state.errors).length > 0 && (
            <ul>
              {Object.entries(state.errors).map(([path, message]) => (
                <li key={path}>{fieldLabels[path] ? `${fieldLabels[path]}: ${message}` : message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
