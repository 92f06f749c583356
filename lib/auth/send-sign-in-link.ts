import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db";
import { deleteSignInLink, findUserByEmail, insertSignInLinkUnderCap } from "@/db/queries/organizers";
import SignInLink, { signInLinkSubject } from "@/emails/sign-in-link";
import type { RenderedEmail, Skip } from "@/lib/email/kinds";
import { enqueueEmail } from "@/lib/email/outbox";
import { appUrl } from "@/lib/env";
import { seal, unseal } from "@/lib/security/seal";
import { deriveKey, getAuthSecret } from "./secret";
import { localeOfPath, safeCallbackPath } from "./locale";

export const signInLinkMinutes = 60;

/** At most this many unused sign-in links per address at a time, so nobody can flood an organizer's inbox. */
export const maxLiveSignInLinks = 5;

const sealKey = () => deriveKey("sign-in-link-email");
const sealed = z.object({ email: z.string().min(1).max(320), token: z.string().min(1).max(200) });

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

/** What Auth.js stores and looks up for a link: SHA-256 of the token and the secret (@auth/core send-token.js). */
export const storedTokenOf = (token: string) => createHash("sha256").update(`${token}${getAuthSecret()}`).digest("hex");

/**
 * A sign-in request, for whichever address was typed: the same statements run and the same job is enqueued
 * whether or not the address belongs to an organizer, so neither the answer nor its timing tells who is one.
 * The link (stored hashed) and its email commit together; the email's render decides (renderSignInLink).
 * An address holding `maxLiveSignInLinks` live links gets no more, organizer or not.
 */
export async function requestSignInLink(db: Db, input: { email: string; token: string; authUrl: string; expires: Date }) {
  const callbackUrl = new URL(input.authUrl).searchParams.get("callbackUrl");
  const payload = { sealed: seal(sealKey(), JSON.stringify({ email: input.email, token: input.token })), callbackUrl };
  await db.transaction(async (tx) => {
    const stored = await insertSignInLinkUnderCap(tx, { identifier: input.email, token: storedTokenOf(input.token), expires: input.expires }, maxLiveSignInLinks);
    if (stored) await enqueueEmail(tx, "sign-in-link", payload);
  });
}

/**
 * The job decides: only an existing, enabled account gets its link; for any other address the link is deleted
 * and nothing is sent.
 */
export async function renderSignInLink(db: Db, payload: { sealed: string; callbackUrl: string | null }, _email: { id: string }): Promise<RenderedEmail | Skip> {
  const { email, token } = sealed.parse(JSON.parse(unseal(sealKey(), payload.sealed)));
  const account = await findUserByEmail(db, email);
  if (!account || account.disabledAt) {
    await deleteSignInLink(db, email, storedTokenOf(token));
    return { skip: "not an organizer" };
  }
  const { locale, url } = signInLinkUrl({ token, email, callbackUrl: payload.callbackUrl });
  const props = { locale, url, minutes: signInLinkMinutes, siteUrl: appUrl() };
  return {
    element: SignInLink(props),
    to: email,
    subject: signInLinkSubject(props),
    // Derived from the token (not the token itself: the key is stored with the delivery record).
    idempotencyKey: `sign-in-link/${createHash("sha256").update(token).digest("hex").slice(0, 32)}`,
    template: "sign-in-link",
  };
}
