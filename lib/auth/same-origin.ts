import { appUrl } from "@/lib/env";

/**
 * Whether a state-changing POST came from our own pages (defence in depth: the session cookie is SameSite=Lax).
 * Browsers send `Sec-Fetch-Site`; our Referrer-Policy (no-referrer) makes them send `Origin: null` on POSTs, so
 * Origin is only checked when it is a real origin.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin === new URL(appUrl()).origin;
  return true;
}
