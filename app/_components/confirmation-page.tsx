import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ConfirmLanding, ConfirmLandingNotice } from "@/app/_components/confirm-landing";
import { SignatureThanks } from "@/app/_components/signature-thanks";
import { getDb } from "@/db";
import { type Confirmable, findByToken, type Pending } from "@/lib/confirmations/confirm-by-token";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { formatter, translator } from "@/lib/i18n/translator";
import { rsvpConfirmable } from "@/lib/rallies/confirm-rsvp";
import { signatureConfirmable } from "@/lib/signatures/confirm-signature";
import { subscriptionConfirmable } from "@/lib/subscribers/confirm-subscription";

type Found = Pending & { token: string };
type Kind = {
  confirmable: Pick<Confirmable<unknown>, "find">;
  /** The page's title, for its metadata. */
  title: (locale: Locale) => string;
  /** GET: the pending link's button (it POSTs to the kind's confirm route), or what to say instead. */
  render: (found: Found, locale: Locale) => ReactNode;
};

/**
 * Every kind of thing people confirm by email, and its landing. Opening a link changes nothing (mail scanners
 * open links); a link used before says so, whichever kind it is.
 */
const kinds: Record<string, Kind> = {
  signature: {
    confirmable: signatureConfirmable,
    title: (locale) => translator(locale)("confirm.title"),
    render(found, locale) {
      const t = translator(locale);
      const title = pick(found.subject, locale);
      if (found.status === "pending") {
        return <ConfirmLanding title={t("confirm.title")} body={t("confirm.body", { title })} button={t("confirm.button")} action="/api/v1/signatures/confirm" token={found.token} locale={locale} />;
      }
      if (found.status === "confirmed") return <SignatureThanks locale={locale} slug={found.slug} already />;
      // Unknown, replaced or expired links get the not-found page, which offers to sign again.
      if (found.status === "expired") notFound();
      const ended = found.endedAt;
      return (
        <>
          <h1>{t("confirm.closedTitle")}</h1>
          <p>{t("confirm.closedBody", { title })}</p>
          {ended && <p>{t("confirm.closedWhen", { date: formatter(locale).dateTime(ended, { dateStyle: "long", timeStyle: "short" }) })}</p>}
          <p>
            <a className="button" href={`/${locale}/petitions/${found.slug}`}>
              {t("confirm.closedLink")}
            </a>
          </p>
        </>
      );
    },
  },
  rsvp: {
    confirmable: rsvpConfirmable,
    title: (locale) => translator(locale)("confirmRsvp.title"),
    render(found, locale) {
      const t = translator(locale);
      const title = pick(found.subject, locale);
      if (found.status === "pending") {
        return <ConfirmLanding title={t("confirmRsvp.title")} body={t("confirmRsvp.body", { title })} button={t("confirmRsvp.button")} action="/api/v1/confirmations/rsvp" token={found.token} locale={locale} />;
      }
      return <ConfirmLandingNotice title={t(`confirmRsvp.${found.status}.title`)} body={t(`confirmRsvp.${found.status}.body`, { title })} href={`/${locale}/rallies`} linkText={t("rallies.all")} />;
    },
  },
  subscription: {
    confirmable: subscriptionConfirmable,
    title: (locale) => translator(locale)("confirmSubscription.title"),
    render(found, locale) {
      const t = translator(locale);
      const campaign = pick(found.subject, locale);
      if (found.status === "pending") {
        return <ConfirmLanding title={t("confirmSubscription.title")} body={t("confirmSubscription.body", { campaign })} button={t("confirmSubscription.button")} action="/api/v1/confirmations/subscription" token={found.token} locale={locale} />;
      }
      return <ConfirmLandingNotice title={t(`confirmSubscription.${found.status}.title`)} body={t(`confirmSubscription.${found.status}.body`, { campaign })} href={`/${locale}/profile`} linkText={t("subscribe.backToCampaign")} />;
    },
  },
};

export const confirmationKind = (kind: string): Kind | null => (Object.hasOwn(kinds, kind) ? kinds[kind]! : null);

/** The landing of a link: its kind's view of what the token points at, or the not-found page. */
export async function ConfirmationPage({ kind: name, locale, token }: { kind: string; locale: Locale; token: string }) {
  const kind = confirmationKind(name);
  const found = kind ? await findByToken(await getDb(), kind.confirmable, token) : null;
  if (!kind || !found) notFound();
  return kind.render(found, locale);
}
