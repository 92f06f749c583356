import { randomBytes } from "node:crypto";
import type { NextAuthConfig } from "next-auth";
import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { deleteSignInLinks, findUserByEmail, markInvitationsAccepted } from "@/db/queries/organizers";
import { appUrl } from "@/lib/env";
import { describeError } from "@/lib/log";
import type { Locale } from "@/lib/i18n/locales";
import { createAdapter, hashSessionToken } from "./adapter";
import { getAuthSecret } from "./secret";
import { maxLiveSignInLinks, requestSignInLink, signInLinkMinutes } from "./send-sign-in-link";

export { maxLiveSignInLinks };

export type AuthOptions = {
  /** The language of Auth.js's own redirects (error page), from the request when there is one. */
  locale: Locale;
  /** How a sign-in request is kept; tests may watch it (the default stores the link and enqueues its email). */
  sendLink?: (input: { email: string; token: string; authUrl: string; expires: Date }) => Promise<unknown> | void;
};

/**
 * Auth.js for organizers: email links only (sent through lib/email/send.ts), database sessions, nobody signs up.
 *
 * - Only an existing, enabled account (an admin invited it, or `npm run admin:add`) gets a link. Every address
 *   gets the same "check your email" answer after the same work (the link stored, its email enqueued); the
 *   email's render decides, and for any other address deletes the link and sends nothing (no enumeration,
 *   not even by timing). At most `maxLiveSignInLinks` live links per address.
 * - Links last an hour and work once (the adapter deletes the token when used; a sign-in deletes the others).
 *   Auth.js stores only SHA-256(token + secret); sessions are stored hashed too (lib/auth/adapter.ts).
 */
export function createAuthConfig(db: Db, options: AuthOptions): NextAuthConfig {
  // Every URL Auth.js builds starts from APP_URL, never from the Host header of the request.
  process.env.AUTH_URL ??= `${appUrl()}/api/auth`;
  const send = options.sendLink ?? ((input) => requestSignInLink(db, input));
  const signInPage = `/${options.locale}/sign-in`;
  const checkEmailPage = `/${options.locale}/sign-in/check-email`;

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
        async sendVerificationRequest({ identifier, token, url, expires }) {
          await send({ email: identifier, token, authUrl: url, expires });
        },
      },
    ],
    callbacks: {
      async signIn({ user, email }) {
        // A request for a link: the same path for every address (see requestSignInLink); the email job decides.
        if (email?.verificationRequest) return true;
        const account = user.email ? await findUserByEmail(db, user.email) : null;
        const allowed = Boolean(account && !account.disabledAt);
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
