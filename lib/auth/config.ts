import { randomBytes } from "node:crypto";
import type { NextAuthConfig } from "next-auth";
import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { countLiveSignInLinks, deleteSignInLinks, findUserByEmail, markInvitationsAccepted } from "@/db/queries/organizers";
import { appUrl } from "@/lib/env";
import { describeError } from "@/lib/log";
import type { Locale } from "@/lib/i18n/locales";
import { createAdapter, hashSessionToken } from "./adapter";
import { getAuthSecret } from "./secret";
import { sendSignInLinkInBackground, signInLinkMinutes } from "./send-sign-in-link";

/** At most this many unused sign-in links per address at a time, so nobody can flood an organizer's inbox. */
export const maxLiveSignInLinks = 5;

export type AuthOptions = {
  /** The language of Auth.js's own redirects (error page), from the request when there is one. */
  locale: Locale;
  /** How a sign-in link leaves; tests pass their own. */
  sendLink?: (input: { email: string; token: string; authUrl: string }) => Promise<unknown> | void;
};

/**
 * Auth.js for organizers: email links only (sent through lib/email/send.ts), database sessions, nobody signs up.
 *
 * - Only an existing, enabled account (an admin invited it, or `npm run admin:add`) gets a link. Any other
 *   address gets the same "check your email" answer and nothing is sent or stored (no enumeration).
 * - Links last an hour and work once (the adapter deletes the token when used; a sign-in deletes the others).
 *   Auth.js stores only SHA-256(token + secret); sessions are stored hashed too (lib/auth/adapter.ts).
 */
export function createAuthConfig(db: Db, options: AuthOptions): NextAuthConfig {
  // Every URL Auth.js builds starts from APP_URL, never from the Host header of the request.
  process.env.AUTH_URL ??= `${appUrl()}/api/auth`;
  const send = options.sendLink ?? ((input) => void sendSignInLinkInBackground(db, input));
  const signInPage = `/${options.locale}/sign-in`;
  const checkEmailPage = `/${options.locale}/sign-in/check-email`;
  // Exactly where Auth.js sends a successful request (it then forwards to `checkEmailPage`): a refused
  // address must get the same Location header, or the redirect itself would tell who is an organizer.
  const verifyRequest = `/api/auth/verify-request?${new URLSearchParams({ provider: "email", type: "email" })}`;

  return {
    secret: getAuthSecret(),
    trustHost: true,
    adapter: createAdapter(db),
    session: {
      strategy: "database",
      maxAge: 12 * 60 * 60,
      updateAge: 60 * 60,
      generateSessionToken: () => randomBytes(32).toString("base64url"),
    },
    pages: { signIn: signInPage, verifyRequest: checkEmailPage, error: `/${options.locale}/sign-in/error` },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        maxAge: signInLinkMinutes * 60,
        options: {},
        async sendVerificationRequest({ identifier, token, url }) {
          await send({ email: identifier, token, authUrl: url });
        },
      },
    ],
    callbacks: {
      async signIn({ user, email }) {
        const account = user.email ? await findUserByEmail(db, user.email) : null;
        const allowed = Boolean(account && !account.disabledAt);
        if (email?.verificationRequest) {
          // Refused or not, the visitor sees the same page; a refusal just sends and stores nothing.
          if (!allowed) return verifyRequest;
          if ((await countLiveSignInLinks(db, account!.email)) >= maxLiveSignInLinks) return verifyRequest;
          return true;
        }
        // Following a link: the account may have been removed since the link was sent.
        return allowed ? true : `${signInPage}?error=AccessDenied`;
      },
      async session({ session, user }) {
        const u = user as typeof user & { role?: string };
        const s = session as typeof session & { sessionToken?: string; secondFactorAt?: Date | null };
        // For the server (lib/auth/current-actor.ts): who, until when, the session's hash and second factor. The
        // HTTP endpoint passes on name, email, role and expiry only (handler.ts's publicSession).
        return {
          user: { id: u.id, email: u.email, name: u.name, role: u.role },
          expires: session.expires,
          sessionTokenHash: s.sessionToken ? hashSessionToken(s.sessionToken) : null,
          secondFactorAt: s.secondFactorAt ?? null,
        };
      },
    },
    events: {
      async signIn({ user }) {
        if (!user.id || !user.email) return;
        await deleteSignInLinks(db, user.email);
        await markInvitationsAccepted(db, user.email);
        await insertAuditEntry(db, { actorId: user.id, action: "sign_in", entityType: "user", entityId: user.id });
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        if (userId) await insertAuditEntry(db, { actorId: userId, action: "sign_out", entityType: "user", entityId: userId });
      },
    },
    logger: {
      // Auth.js logs the whole error, which for a used or expired link is expected, not an incident.
      error(error) {
        const name = (error as { type?: string }).type ?? error.name;
        if (name === "Verification" || name === "AccessDenied") return;
        console.error(`[auth] ${name}: ${describeError(error)}`);
      },
    },
  };
}
