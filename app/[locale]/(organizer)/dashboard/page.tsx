import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { readSecuritySummary, type SecurityEventGroup } from "@/lib/audit/security-events";
import { mailHalt } from "@/lib/email/sender";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { getDashboard } from "@/lib/organizers/get-dashboard";
import { ActionForm } from "../_components/action-form";
import { loadOrRefuse } from "../_components/guard";
import { Notice } from "../_components/notice";
import { StackTable } from "../_components/stack-table";
import { formStrings } from "../_components/strings";
import { createCampaignAction } from "./actions";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("home.title") };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const { actor, campaigns } = await loadOrRefuse(locale, "/dashboard", async () => getDashboard(await getDb(), await currentActor()));
  const t = await getTranslations("dashboard");
  const waiting = actor?.role === "admin" ? campaigns.filter((c) => c.state === "pending_review") : [];
  // The provider refused our key (lib/email/sender.ts): admins must hear it here, not only in the log.
  const halted = actor?.role === "admin" ? await mailHalt(await getDb()) : null;
  const security = actor?.role === "admin" ? await readSecuritySummary(await getDb(), actor) : null;
  return (
    <>
      <h1>{t("home.title")}</h1>
      <Notice value={notice} />
      {halted && (
        <p className="notice notice-error" role="alert">
          {t("home.mailHalted", { since: halted.since.toISOString().slice(0, 16).replace("T", " ") + " UTC" })}
        </p>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="review" className="notice">
          <h2 id="review">{t("home.review")}</h2>
          <ul>
            {waiting.map((c) => (
              <li key={c.id}>
                <Link href={`/dashboard/campaigns/${c.id}`}>{pick(c.name, locale) || c.slug}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {security && (
        <section aria-labelledby="security-events">
          <h2 id="security-events">{t("security.title")}</h2>
          <p className="hint">{t("security.intro")}</p>
          <StackTable
            label={t("security.title")}
            scroll={false}
            rows={Object.keys(security) as SecurityEventGroup[]}
            rowKey={(group) => group}
            rowTestId={(group) => `security-${group}`}
            columns={[
              { label: t("security.event"), rowHeader: true, cell: (group) => t(`security.groups.${group}`) },
              { label: t("security.day"), cell: (group) => security[group].day },
              { label: t("security.week"), cell: (group) => security[group].week },
            ]}
          />
          <p>
            <Link href="/dashboard/audit">{t("security.auditLink")}</Link>
          </p>
        </section>
      )}
      {campaigns.length === 0 ? (
        <p>{t("home.none")}</p>
      ) : (
        <ul className="cards" aria-label={t("home.title")}>
          {campaigns.map((c) => (
            <li key={c.id} className="card">
              <p className="badge">{t(`campaignState.${c.state}`)}</p>
              <h2 className="card-title">
                <Link href={`/dashboard/campaigns/${c.id}`}>{pick(c.name, locale) || c.slug}</Link>
              </h2>
              <p className="muted">{pick(c.tagline, locale)}</p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-campaign">
        <h2 id="new-campaign">{t("home.newCampaign")}</h2>
        <ActionForm
          id="campaign-new"
          action={createCampaignAction}
          initial={{}}
          fields={[
            { kind: "text", name: "slug", label: t("fields.campaignSlug"), hint: t("fields.slugHint"), maxLength: 80, required: true },
            { kind: "localized", name: "name", label: t("fields.campaignName"), maxLength: 120 },
            { kind: "localized", name: "tagline", label: t("fields.tagline"), maxLength: 200 },
          ]}
          strings={{ ...(await formStrings()), submit: t("home.create") }}
        />
      </section>
    </>
  );
}
