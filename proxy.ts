import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { stylesheetHref } from "@/app/_components/stylesheet";
import { routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { isLocalRequest, localOnlyResponse } from "@/lib/security/local-only";

const intl = createMiddleware(routing);

/** /<locale>/dev/…: the embedded default's own tools (the dev mailbox), for this machine only. */
const devPath = /^\/(?:([a-z]{2})\/)?dev(?:\/|$)/;

export default function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const response = answer(request, nonce, csp);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function answer(request: NextRequest, nonce: string, csp: string): Response {
  // (A page opened under another host name than APP_URL's was redirected there by scripts/serve.mjs.)
  const dev = devPath.exec(request.nextUrl.pathname);
  if (dev && !isLocalRequest(request.headers)) return localOnlyResponse(dev[1], stylesheetHref());
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  request.headers.set("content-security-policy", csp);
  request.headers.set("x-nonce", nonce);
  // The layout's language links point at this same page in the other languages.
  request.headers.set("x-qoldau-path", request.nextUrl.pathname);
  return intl(request);
}

export const config = {
  // Pages only: not the JSON API, not Next's assets, not files with an extension (next.config.js covers those).
  matcher: ["/((?!api|_next|.*\\..*).*)"],
};
