"use client";

import { ActionForm } from "../_components/action-form";
import { requestSignInLink } from "./actions";

export function SignInForm({ callbackUrl, strings }: { callbackUrl: string; strings: { email: string; emailHint: string; submit: string; pending: string; errorSummary: string; languages: { ru: string; kk: string; en: string } } }) {
  return (
    <ActionForm
      id="sign-in"
      action={requestSignInLink}
      initial={{ email: "", callbackUrl }}
      fields={[
        { kind: "hidden", name: "callbackUrl", value: callbackUrl },
        { kind: "email", name: "email", label: strings.email, hint: strings.emailHint, autoComplete: "email", required: true, maxLength: 254 },
      ]}
      strings={strings}
    />
  );
}
