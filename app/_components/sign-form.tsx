"use client";

import { type FormEvent, useCallback, useState } from "react";
import {
  type SignFormErrors,
  type SignFormLimits,
  type SignFormStrings,
  type SignFormValues,
  SignFormView,
  emptyValues,
} from "./sign-form-view";
import { useProofOfWork } from "./proof-of-work";

type ErrorBody = { error?: string; fields?: Record<string, string> };

/**
 * The sign form, enhanced: with JavaScript it posts in the background, shows a pending state and
 * inline errors; without JavaScript the very same form posts and the server answers with a page.
 * The page hands it its words (`strings`) and the message for each error code (`errors`, with `unexpected`):
 * no message runtime in the page's JavaScript. With JavaScript the post carries a proof of work (./proof-of-work.tsx).
 */
export function SignForm({
  action,
  locale,
  limits,
  strings,
  errors: messages,
}: {
  action: string;
  locale: string;
  limits: SignFormLimits;
  strings: SignFormStrings;
  errors: Record<string, string>;
}) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<SignFormErrors>({});
  const [values, setValues] = useState<SignFormValues>(emptyValues);
  const [attempt, setAttempt] = useState(0);
  const focusSummary = useCallback((el: HTMLDivElement | null) => el?.focus(), []);
  const pow = useProofOfWork();

  const message = (code: string) => messages[code] ?? messages.unexpected ?? "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    setValues({
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      updates: data.get("updates") === "on",
      public: data.get("public") === "on",
      delivery: data.get("delivery") === "on",
    });
    setPending(true);
    try {
      const body = new URLSearchParams();
      for (const [k, v] of data) if (typeof v === "string" && !k.startsWith(pow.field)) body.append(k, v);
      const proof = await pow.proof();
      if (proof) body.set(pow.field, proof);
      const response = await fetch(action, { method: "POST", body, headers: { Accept: "application/json" } });
      if (response.ok) {
        const { next } = (await response.json()) as { next: string };
        window.location.assign(next);
        return;
      }
      pow.renew();
      const problem = (await response.json().catch(() => ({}))) as ErrorBody;
      const next: SignFormErrors = {};
      for (const [field, code] of Object.entries(problem.fields ?? {})) {
        if (field === "name" || field === "email") next[field] = message(code);
      }
      if (!next.name && !next.email) next.form = message(problem.error ?? "unexpected");
      setErrors(next);
      setAttempt((n) => n + 1);
    } catch {
      pow.renew();
      setErrors({ form: message("unexpected") });
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <SignFormView
      key={attempt}
      action={action}
      locale={locale}
      values={values}
      errors={errors}
      strings={strings}
      limits={limits}
      pending={pending}
      formProps={{ onSubmit, onFocus: pow.start }}
      summaryRef={focusSummary}
    >
      {pow.widget}
    </SignFormView>
  );
}
