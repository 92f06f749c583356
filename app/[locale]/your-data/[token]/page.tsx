import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getDb } from "@/db";
import { isAppError } from "@/lib/errors";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { formatter, translator } from "@/lib/i18n/translator";
import { readYourData } from "@/lib/your-data/read-your-data";

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: translator(locale)("yourData.title"), robots: { index: false, follow: false } };
}

const notices = ["withdrawn", "already", "email_stopped", "email_resumed", "deleted"] as const;

/**
 * A person's own page, from the link at the foot of every email (no account; lib/your-data/link.ts): what we hold
 * about their address and what they can do with it. Opening it changes nothing: every button is a form that POSTs
 * (app/api/v1/your-data/route.ts). Never cached or shared: it shows the person's own address.
 */
export default async function YourDataPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const { done, error } = await searchParams;
  const data = await readYourData(await getDb(), token).catch((e: unknown) => {
    if (isAppError(e, "token_invalid")) notFound();
    throw e;
  });
  const t = translator(locale);
  const f = formatter(locale);
  const day = (d: Date) => f.dateTime(d, { dateStyle: "long" });
  const form = (action: string, children: ReactNode, extra: Record<string, string> = {}) => (
    <form method="post" action="/api/v1/your-data" className="action-button">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="action" value={action} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
  const notice = notices.find((n) => n === done);
  return (
    <>
      <h1>{t("yourData.title")}</h1>
      {notice && (
        <p className="notice notice-ok" role="status">
          {t(`yourData.done.${notice}`)}
        </p>
      )}
      <p className="lead">{t("yourData.intro", { email: data.email })}</p>
      <p>{t("yourData.private")}</p>

      <section aria-labelledby="your-signatures">
        <h2 id="your-signatures">{t("yourData.signatures.title")}</h2>
        {data.signatures.length === 0 ? (
          <p>{t("yourData.signatures.none")}</p>
        ) : (
          <>
            <p>{t("yourData.signatures.withdrawHint")}</p>
            <ul className="cards" data-testid="your-signatures">
              {data.signatures.map((s) => {
                const title = pick(s.petitionTitle, locale);
                return (
                  <li key={s.id} className="card">
                    <h3 className="card-title">{title}</h3>
                    <p>{t(`yourData.signatures.state.${s.state}`)}</p>
                    <p className="muted">{t("yourData.signatures.signedOn", { date: day(s.createdAt) })}</p>
                    {(s.state === "pending" || s.state === "confirmed") &&
                      form(
                        "withdraw",
                        <button type="submit" className="button button-danger" aria-label={t("yourData.signatures.withdrawNamed", { title })}>
                          {t("yourData.signatures.withdraw")}
                        </button>,
                        { signatureId: s.id },
                      )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="your-rsvps">
        <h2 id="your-rsvps">{t("yourData.rsvps.title")}</h2>
        {data.rsvps.length === 0 ? (
          <p>{t("yourData.rsvps.none")}</p>
        ) : (
          <>
            <ul data-testid="your-rsvps">
              {data.rsvps.map((r) => (
                <li key={r.id}>
                  {pick(r.rallyTitle, locale)} ({day(r.rallyStartsAt)}): {t(`manageRsvp.status.${r.state === "fraudulent" ? "pending" : r.state}`)}
                </li>
              ))}
            </ul>
            <p>{t("yourData.rsvps.hint")}</p>
          </>
        )}
      </section>

      <section aria-labelledby="your-subscriptions">
        <h2 id="your-subscriptions">{t("yourData.subscriptions.title")}</h2>
        {data.subscriptions.length === 0 ? (
          <p>{t("yourData.subscriptions.none")}</p>
        ) : (
          <>
            <ul data-testid="your-subscriptions">
              {data.subscriptions.map((s) => (
                <li key={s.id}>
                  {pick(s.campaignName, locale)}: {t(`yourData.subscriptions.state.${s.state}`)}
                </li>
              ))}
            </ul>
            <p>{t("yourData.subscriptions.hint")}</p>
          </>
        )}
      </section>

      <section aria-labelledby="your-email">
        <h2 id="your-email">{t("yourData.email.title")}</h2>
        {data.emailStopped?.reason === "requested" ? (
          <>
            <p data-testid="email-status">{t("yourData.email.stoppedSince", { date: day(data.emailStopped.at) })}</p>
            {form(
              "resume_email",
              <button type="submit" className="button">
                {t("yourData.email.resume")}
              </button>,
            )}
          </>
        ) : data.emailStopped ? (
          <p data-testid="email-status">{t("yourData.email.providerStopped", { date: day(data.emailStopped.at) })}</p>
        ) : (
          <>
            <p>{t("yourData.email.stopHint")}</p>
            {form(
              "stop_email",
              <button type="submit" className="button">
                {t("yourData.email.stop")}
              </button>,
            )}
          </>
        )}
      </section>

      <section aria-labelledby="your-download">
        <h2 id="your-download">{t("yourData.download.title")}</h2>
        <p>{t("yourData.download.hint")}</p>
        {form(
          "export",
          <button type="submit" className="button">
            {t("yourData.download.button")}
          </button>,
        )}
      </section>

      <section aria-labelledby="delete">
        <h2 id="delete">{t("yourData.delete.title")}</h2>
        <p>{t("yourData.delete.hint")}</p>
        <p>{t("yourData.delete.counts")}</p>
        {error === "confirm" && (
          <p className="notice notice-error" role="alert" id="delete-error">
            {t("yourData.delete.confirmMissing")}
          </p>
        )}
        {form(
          "delete",
          <>
            <div className="field check">
              <input
                type="checkbox"
                id="delete-confirm"
                name="confirm"
                value="yes"
                required
                aria-invalid={error === "confirm" ? true : undefined}
                aria-describedby={error === "confirm" ? "delete-error" : undefined}
              />
              <label htmlFor="delete-confirm">{t("yourData.delete.confirm")}</label>
            </div>
            <button type="submit" className="button button-danger">
              {t("yourData.delete.button")}
            </button>
          </>,
        )}
      </section>
    </>
  );
}
