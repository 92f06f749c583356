import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/auth/locale";
import type { Locale } from "@/lib/i18n/locales";
import { getSecondFactorStatus } from "@/lib/second-factor/second-factor-status";
import { ActionButton } from "../../_components/action-button";
import { ActionForm } from "../../_components/action-form";
import { loadOrRefuse } from "../../_components/guard";
import { Notice } from "../../_components/notice";
import { formStrings } from "../../_components/strings";
import { confirmEnrollmentAction, keepNewRecoveryCodesAction, makeNewRecoveryCodesAction, startEnrollmentAction, verifySecondFactorAction } from "./actions";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("secondFactor.title") };
}

/** Admins: set up the authenticator app, pass it after each email sign-in, renew recovery codes. */
export default async function SecondFactorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl, locale);
  const actor = await currentActor();
  const status = await loadOrRefuse(locale, "/dashboard/second-factor", async () => getSecondFactorStatus(await getDb(), actor));
  const t = await getTranslations("dashboard.secondFactor");
  const strings = await formStrings();
  const codeField = (label: string) => ({ kind: "text" as const, name: "code", label, autoComplete: "one-time-code", required: true, maxLength: 40 });
  const list = (codes: string[]) => (
    <ul className="recovery-codes" data-testid="recovery-codes">
      {codes.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <h1>{status.state === "enrolled" && !status.verified ? t("verifyTitle") : t("title")}</h1>
      <Notice value={query.notice} />
      {status.state === "not_enrolled" && (
        <>
          <p className="lead">{t("why")}</p>
          <p>{t("required")}</p>
          <ActionButton action={startEnrollmentAction} hidden={{ callbackUrl }} label={t("start")} pending={t("starting")} />
        </>
      )}
      {status.state === "enrolling" && (
        <>
          <p className="lead">{t("why")}</p>
          <section aria-labelledby="scan">
            <h2 id="scan">{t("scanTitle")}</h2>
            <p>{t("scan")}</p>
            <img src={status.qr} alt={t("qrAlt")} width={220} height={220} className="qr-code" />
            <p>
              {t("key")}: <code data-testid="totp-secret">{status.secret.match(/.{1,4}/g)?.join(" ")}</code>
            </p>
          </section>
          <section aria-labelledby="codes">
            <h2 id="codes">{t("codesTitle")}</h2>
            <p>{t("codes")}</p>
            {list(status.recoveryCodes)}
          </section>
          <section aria-labelledby="confirm">
            <h2 id="confirm">{t("confirmTitle")}</h2>
            <ActionForm
              id="second-factor-enroll"
              action={confirmEnrollmentAction}
              initial={{ callbackUrl }}
              fields={[codeField(t("code")), { kind: "hidden", name: "callbackUrl", value: callbackUrl }]}
              strings={{ ...strings, submit: t("confirm"), pending: t("confirming") }}
            />
          </section>
        </>
      )}
      {status.state === "enrolled" && !status.verified && (
        <>
          <p className="lead">{t("verify")}</p>
          <ActionForm
            id="second-factor-verify"
            action={verifySecondFactorAction}
            initial={{ callbackUrl }}
            fields={[codeField(t("codeOrRecovery")), { kind: "hidden", name: "callbackUrl", value: callbackUrl }]}
            strings={{ ...strings, submit: t("verifyButton"), pending: t("confirming") }}
          />
        </>
      )}
      {status.state === "enrolled" && status.verified && (
        <>
          <p className="notice notice-ok">{t("on", { count: status.unusedCodes })}</p>
          {status.newCodes ? (
            <section aria-labelledby="new-codes">
              <h2 id="new-codes">{t("newCodesTitle")}</h2>
              <p>{t("newCodesHelp")}</p>
              {list(status.newCodes)}
              <ActionButton action={keepNewRecoveryCodesAction} hidden={{}} label={t("keep")} pending={t("keeping")} />
            </section>
          ) : (
            <ActionButton action={makeNewRecoveryCodesAction} hidden={{}} label={t("newCodes")} pending={t("newCodesPending")} />
          )}
        </>
      )}
    </>
  );
}
