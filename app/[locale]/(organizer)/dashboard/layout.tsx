import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import { signOutAction } from "../sign-in/actions";

/**
 * `same-origin`, not the site's `no-referrer`: with no-referrer, browsers send `Origin: null` on form POSTs,
 * and Next refuses such server actions, so the dashboard's forms would not work without JavaScript. Referrers
 * still never leave our origin.
 */
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "same-origin" };

/** The dashboard's own navigation, for a signed-in person. Each page checks access itself. */
export default async function DashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await currentActor();
  const t = await getTranslations("dashboard.nav");
  return (
    <div className="dashboard">
      {actor && (
        <nav aria-label={t("label")} className="dashboard-nav">
          <ul className="links">
            {!actor.pendingSecondFactor && (
              <li>
                <Link href="/dashboard">{t("campaigns")}</Link>
              </li>
            )}
            {actor.role === "admin" && !actor.pendingSecondFactor && (
              <>
                <li>
                  <Link href="/dashboard/people">{t("people")}</Link>
                </li>
                <li>
                  <Link href="/dashboard/audit">{t("audit")}</Link>
                </li>
                <li>
                  <Link href="/dashboard/abuse">{t("abuse")}</Link>
                </li>
                <li>
                  <Link href="/dashboard/invalidations">{t("invalidations")}</Link>
                </li>
              </>
            )}
            {actor.role === "admin" && (
              <li>
                <Link href="/dashboard/second-factor">{t("secondFactor")}</Link>
              </li>
            )}
          </ul>
          <form action={signOutAction} className="sign-out">
            <input type="hidden" name="locale" value={locale} />
            <span className="muted">{t("signedInAs", { email: actor.email, role: t(`roles.${actor.role}`) })}</span>{" "}
            <button type="submit" className="button">
              {t("signOut")}
            </button>
          </form>
        </nav>
      )}
      {children}
    </div>
  );
}
