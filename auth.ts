import NextAuth from "next-auth";
import { getDb } from "@/db";
import { createAuthConfig } from "@/lib/auth/config";
import { localeOfPath } from "@/lib/auth/locale";

/**
 * Auth.js, configured per request (the database opens lazily; Auth.js's own redirects follow the language of
 * the page the organizer is heading to).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const callbackUrl = request?.nextUrl?.searchParams.get("callbackUrl") ?? null;
  return createAuthConfig(await getDb(), { locale: localeOfPath(callbackUrl) });
});
