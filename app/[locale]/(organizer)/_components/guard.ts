import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { recordRefusal } from "@/lib/audit/security-events";
import { currentActor } from "@/lib/auth/current-actor";
import { refusal } from "@/lib/organizers/outcome";

export function signInHref(locale: string, callbackPath?: string): string {
  return callbackPath ? `/${locale}/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}` : `/${locale}/sign-in`;
}

/** Where an admin whose second factor is still to come goes first (and back to `callbackPath` after). */
export function secondFactorHref(locale: string, callbackPath?: string): string {
  const page = `/${locale}/dashboard/second-factor`;
  return callbackPath ? `${page}?${new URLSearchParams({ callbackUrl: callbackPath })}` : page;
}

/**
 * Runs a dashboard page's loader: an anonymous visitor is sent to sign in (and back here after), an admin still
 * owing their second factor to its page, a refused
 * or unknown row is the translated 404 page. Anything else is a real error.
 */
export async function loadOrRefuse<T>(locale: string, path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const outcome = refusal(error);
    if (outcome === "sign-in") redirect(signInHref(locale, `/${locale}${path}`));
    if (outcome === "second-factor") redirect(secondFactorHref(locale, `/${locale}${path}`));
    if (outcome === 404) {
      await recordRefusal(await getDb(), error, (await currentActor())?.userId, path);
      notFound();
    }
    throw error;
  }
}
