import { createHash } from "node:crypto";
import type { Db } from "@/db";
import SignInLink, { signInLinkSubject } from "@/emails/sign-in-link";
import { sendTemplate, TemporaryEmailError } from "@/lib/email/send";
import { appUrl } from "@/lib/env";
import { localeOfPath, safeCallbackPath } from "./locale";

export const signInLinkMinutes = 60;

/**
 * The link in the email: our own page (built from APP_URL, never from the request's Host header, so a forged
 * Host cannot send a token to another site), whose button then calls Auth.js's callback. The language and the
 * page to land on come from the callback URL the sign-in form asked for.
 */
export function signInLinkUrl(input: { token: string; email: string; callbackUrl: string | null }) {
  const callbackUrl = safeCallbackPath(input.callbackUrl, "ru");
  const locale = localeOfPath(callbackUrl);
  const query = new URLSearchParams({ token: input.token, email: input.email, callbackUrl });
  return { locale, url: `${appUrl()}/${locale}/sign-in/verify?${query}` };
}

export async function sendSignInLink(db: Db, input: { email: string; token: string; authUrl: string }) {
  const callbackUrl = new URL(input.authUrl).searchParams.get("callbackUrl");
  const { locale, url } = signInLinkUrl({ token: input.token, email: input.email, callbackUrl });
  const props = { locale, url, minutes: signInLinkMinutes, siteUrl: appUrl() };
  return sendTemplate(db, {
    element: SignInLink(props),
    to: input.email,
    subject: signInLinkSubject(props),
    // Derived from the token (not the token itself: the key is stored with the delivery record).
    idempotencyKey: `sign-in-link/${createHash("sha256").update(input.token).digest("hex").slice(0, 32)}`,
    template: "sign-in-link",
  });
}

/**
 * Sends in the background, retrying temporary failures, so the sign-in page answers in the same time whether
 * or not the address may sign in (a slow provider call would otherwise tell who is an organizer).
 */
export function sendSignInLinkInBackground(db: Db, input: { email: string; token: string; authUrl: string }, delays = [2_000, 10_000, 30_000]) {
  const attempt = async (n: number): Promise<void> => {
    try {
      await sendSignInLink(db, input);
    } catch (error) {
      if (error instanceof TemporaryEmailError && n < delays.length) {
        await new Promise((r) => setTimeout(r, delays[n]));
        return attempt(n + 1);
      }
      console.error(`[auth] sign-in link not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return attempt(0);
}
