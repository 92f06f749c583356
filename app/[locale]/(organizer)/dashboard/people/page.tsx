import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { listUsers } from "@/lib/organizers/list-users";
import { ActionButton } from "../../_components/action-button";
import { ActionForm } from "../../_components/action-form";
import { loadOrRefuse } from "../../_components/guard";
import { Notice } from "../../_components/notice";
import { formStrings } from "../../_components/strings";
import { inviteAction, removeUserAction } from "../actions";
import { resetSecondFactorAction } from "../second-factor/actions";
import { StackTable } from "../../_components/stack-table";
import { locales } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("people.title") };
}

/** Admins only: invite organizers and admins, see who has access, remove it. */
export default async function PeoplePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const actor = await currentActor();
  const { users, campaigns } = await loadOrRefuse(locale, "/dashboard/people", async () => listUsers(await getDb(), actor));
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const strings = await formStrings();
  return (
    <>
      <h1>{t("people.title")}</h1>
      <Notice value={notice} />
      <section aria-labelledby="invite">
        <h2 id="invite">{t("people.invite")}</h2>
        <p>{t("people.inviteHelp")}</p>
        <ActionForm
          id="invite-form"
          action={inviteAction}
          initial={{ role: "organizer", locale, campaignId: campaigns[0]?.id ?? "" }}
          fields={[
            { kind: "email", name: "email", label: t("fields.email"), autoComplete: "off", required: true, maxLength: 254 },
            {
              kind: "select",
              name: "role",
              label: t("fields.role"),
              options: [
                { value: "organizer", label: t("nav.roles.organizer") },
                { value: "admin", label: t("nav.roles.admin") },
              ],
            },
            {
              kind: "select",
              name: "campaignId",
              label: t("fields.campaign"),
              hint: t("fields.campaignHint"),
              options: [{ value: "", label: t("fields.noCampaign") }, ...campaigns.map((c) => ({ value: c.id, label: pick(c.name, locale) || c.slug }))],
            },
            {
              kind: "select",
              name: "locale",
              label: t("fields.emailLanguage"),
              options: locales.map((l) => ({ value: l, label: strings.languages[l] })),
            },
          ]}
          strings={{ ...strings, submit: t("people.send") }}
        />
      </section>
      <section aria-labelledby="accounts">
        <h2 id="accounts">{t("people.accounts")}</h2>
        <StackTable
          label={t("people.accounts")}
          rows={users}
          rowKey={(u) => u.id}
          columns={[
            { label: t("fields.email"), unlabelled: true, className: "people-email", cell: (u) => u.email },
            { label: t("fields.role"), cell: (u) => t(`nav.roles.${u.role}`) },
            { label: t("people.campaigns"), cell: (u) => u.campaigns.map((c) => (c.name ? pick(c.name, locale) : "")).join(", ") || "—" },
            {
              label: t("people.status"),
              cell: (u) =>
                u.disabledAt
                  ? t("people.removed", { date: format.dateTime(u.disabledAt, { dateStyle: "medium" }) })
                  : u.emailVerified
                    ? t("people.active")
                    : t("people.invited"),
            },
            {
              label: t("people.actions"),
              actions: true,
              cell: (u) => (
                <>
                  {!u.disabledAt && u.id !== actor?.userId && (
                    <ActionButton action={removeUserAction} hidden={{ userId: u.id }} label={t("people.remove")} pending={t("form.saving")} danger />
                  )}
                  {!u.disabledAt && u.role === "admin" && u.id !== actor?.userId && (
                    <ActionButton action={resetSecondFactorAction} hidden={{ userId: u.id }} label={t("secondFactor.reset")} pending={t("secondFactor.resetting")} />
                  )}
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
