import NextAuth from "next-auth";
import { getDb } from "@/db";
import { createAuthConfig } from "@/lib/auth/config";
import { localeOfPath } from "@/lib/auth/locale";

/**
 * next-auth for pages and server actions: `auth()` (the session), `signIn`, `signOut`. The HTTP endpoints
 * (/api/auth/*) are served by lib/auth/handler.ts with the same configuration.
 */
export const { auth, signIn, signOut } = NextAuth(async (request) => {
  const callbackUrl = request?.nextUrl?.searchParams.get("callbackUrl") ?? null;
  return createAuthConfig(await getDb(), { locale: localeOfPath(callbackUrl) });
});
