import { Auth, type AuthConfig } from "@auth/core";
import type { Db } from "@/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readBody } from "@/lib/http/read-form";
import { devAdminEmail } from "@/lib/organizers/ensure-dev-admin";
import { isLocalRequest } from "@/lib/security/local-only";
import { type AuthOptions, createAuthConfig } from "./config";
import { localeOfPath } from "./locale";

/** Auth.js's forms (an email address, a CSRF token, a callback URL) are far smaller than this. */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;

/**
 * Serves Auth.js's endpoints (/api/auth/*) on APP_URL's origin.
 *
 * Why not next-auth's `handlers`: Next hands route handlers a URL built from the address it listens on, and its
 * NextURL rewrites 127.0.0.1 to "localhost"; next-auth 5.0.0-beta.32 rewrites requests with `new NextRequest`,
 * which normalises the same way. Links and redirects would then point at another origin than the page (the
 * browser's CSP refuses the sign-in form's redirect, cookies land on the wrong host). Here the request is rebuilt
 * as a plain Request on APP_URL, so neither Next's listening address nor the Host header decides any URL.
 */
export async function handleAuthRequest(db: Db, request: Request, options: Partial<AuthOptions> = {}): Promise<Response> {
  const incoming = new URL(request.url);
  const url = new URL(incoming.pathname + incoming.search, appUrl());
  const locale = localeOfPath(url.searchParams.get("callbackUrl"));
  let body: ArrayBuffer | undefined;
  if (request.method === "POST") {
    try {
      const bytes = await readBody(request, MAX_AUTH_BODY_BYTES);
      body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    } catch (error) {
      if (error instanceof AppError) return new Response(null, { status: error.status, headers: { "Cache-Control": "no-store" } });
      throw error;
    }
  }
  // The embedded default's dev admin signs in from this machine only (its links sit in the local dev mailbox).
  if (url.pathname === "/api/auth/callback/email" && url.searchParams.get("email")?.toLowerCase() === devAdminEmail && !isLocalRequest(request.headers)) {
    return new Response(null, { status: 303, headers: { Location: `/${locale}/sign-in?error=AccessDenied`, "Cache-Control": "no-store" } });
  }
  const onAppOrigin = new Request(url, { method: request.method, headers: request.headers, body });
  const config = createAuthConfig(db, { locale, ...options });
  // next-auth's default base path for a Next app.
  const response = await Auth(onAppOrigin, { ...(config as AuthConfig), basePath: "/api/auth" });
  return url.pathname === "/api/auth/session" ? publicSession(response) : response;
}

/**
 * GET /api/auth/session tells the browser who is signed in: name, email, role and expiry. Never the session
 * token (the cookie is HttpOnly so that no script can read it) nor internal ids.
 */
async function publicSession(response: Response): Promise<Response> {
  if (!response.ok || !(response.headers.get("content-type") ?? "").includes("json")) return response;
  const session = (await response.json()) as { user?: { name?: unknown; email?: unknown; role?: unknown }; expires?: unknown } | null;
  const body = session?.user
    ? { user: { name: session.user.name ?? null, email: session.user.email ?? null, role: session.user.role ?? null }, expires: session.expires ?? null }
    : null;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("Cache-Control", "private, no-store");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
