import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Db } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";

/** What the sessions table keeps instead of the cookie's value. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The Drizzle adapter on our tables, with two changes:
 * - sessions are stored by the SHA-256 of their token, so a copy of the database (a backup, a replica)
 *   holds no cookie that would sign anyone in;
 * - a removed (disabled) account has no session, whatever the database still holds;
 * - sign-in links are stored by lib/auth/send-sign-in-link.ts with their email, not here.
 */
export function createAdapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    async createSession(session) {
      const row = await base.createSession!({ ...session, sessionToken: hashSessionToken(session.sessionToken) });
      return { ...row, sessionToken: session.sessionToken };
    },
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(hashSessionToken(sessionToken));
      if (!found || (found.user as { disabledAt?: Date | null }).disabledAt) return null;
      return { ...found, session: { ...found.session, sessionToken } };
    },
    async updateSession(session) {
      const row = await base.updateSession!({ ...session, sessionToken: hashSessionToken(session.sessionToken) });
      return row ? { ...row, sessionToken: session.sessionToken } : row;
    },
    // requestSignInLink stores the link together with its email job, in one transaction.
    async createVerificationToken(token) {
      return token;
    },
    async deleteSession(sessionToken) {
      await base.deleteSession!(hashSessionToken(sessionToken));
    },
  };
}
