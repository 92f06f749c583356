import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { UpdateProgressBar } from "@/app/_components/update-progress";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { type Locale, locales, timeZone } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { textFor, writtenLocales } from "@/lib/updates/content";
import { getUpdateEditor } from "@/lib/updates/get-update-editor";
import { availableActions, isEditable, isPublic } from "@/lib/updates/state";
import { ActionButton } from "../../../_components/action-button";
import { ActionForm } from "../../../_components/action-form";
import { loadOrRefuse } from "../../../_components/guard";
import { Notice } from "../../../_components/notice";
import { formStrings } from "../../../_components/strings";
import { updateFields, updateFormValues } from "../../../_components/update-fields";
import {
  cancelUpdateAction,
  editUpdateAction,
  pauseUpdateAction,
  resumeUpdateAction,
  scheduleUpdateAction,
  sendUpdateAction,
  testUpdateAction,
  unscheduleUpdateAction,
} from "../../update-actions";

type Props = { params: Promise<{ locale: Locale; updateId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("update.title") };
}

/** An update for its organizers: state and buttons, progress, preview, a test to yourself, the draft's text. */
export default async function UpdateDashboardPage({ params, searchParams }: Props) {
  const { locale, updateId } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const { update, campaign, subscribers, progress, nextAllowedAt } = await loadOrRefuse(locale, `/dashboard/updates/${updateId}`, async () =>
    getUpdateEditor(await getDb(), await currentActor(), updateId),
  );
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const strings = await formStrings();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone }) : "—");
  const hidden = { updateId: update.id, version: update.version };
  const hiddenFields = [
    { kind: "hidden" as const, name: "updateId", value: update.id },
    { kind: "hidden" as const, name: "version", value: String(update.version) },
  ];
  const actions = availableActions(update.state);
  const written = writtenLocales(update.texts);
  const text = textFor(update, locale);

  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <p className="badge" data-testid="update-state">
        {t(`updateState.${update.state}`)}
      </p>
      <h1>{text.title || t("update.untitled")}</h1>
      <Notice value={notice} />
      <p className="muted">
        {t("update.writtenIn", { languages: written.map((l) => strings.languages[l]).join(", ") || "—", fallback: strings.languages[update.defaultLocale as Locale] })}
      </p>
      {isPublic(update.state) && (
        <p>
          <Link href={`/updates/${update.id}`}>{t("update.publicPage")}</Link>
        </p>
      )}

      <section aria-labelledby="state">
        <h2 id="state">{t("update.stateHeading")}</h2>
        <p>{t(`update.stateHelp.${update.state}`, { when: when(update.scheduledAt) })}</p>
        {update.state === "draft" && (
          <>
            <p data-testid="subscriber-count">{t("update.reach", { count: subscribers })}</p>
            <p className={nextAllowedAt ? "notice notice-error" : "muted"} data-testid="next-update-allowed">
              {nextAllowedAt ? t("update.nextAllowedAt", { when: when(nextAllowedAt), limit: env().UPDATES_PER_WEEK }) : t("update.nextAllowedNow", { limit: env().UPDATES_PER_WEEK })}
            </p>
          </>
        )}
        <div className="actions-row">
          {actions.includes("send") && <ActionButton action={sendUpdateAction} hidden={hidden} label={t("update.actions.send")} pending={t("form.saving")} />}
          {actions.includes("pause") && <ActionButton action={pauseUpdateAction} hidden={hidden} label={t("update.actions.pause")} pending={t("form.saving")} />}
          {actions.includes("resume") && <ActionButton action={resumeUpdateAction} hidden={hidden} label={t("update.actions.resume")} pending={t("form.saving")} />}
          {actions.includes("unschedule") && <ActionButton action={unscheduleUpdateAction} hidden={hidden} label={t("update.actions.unschedule")} pending={t("form.saving")} />}
          {actions.includes("cancel") && <ActionButton action={cancelUpdateAction} hidden={hidden} label={t("update.actions.cancel")} pending={t("form.saving")} danger />}
        </div>
        {actions.includes("schedule") && (
          <section aria-labelledby="schedule">
            <h3 id="schedule">{t("update.scheduleHeading")}</h3>
            <ActionForm
              id="update-schedule"
              action={scheduleUpdateAction}
              initial={hidden}
              fields={[...hiddenFields, { kind: "datetime-local", name: "scheduledAt", label: t("updateFields.scheduledAt"), hint: t("updateFields.scheduledAtHint"), required: true }]}
              strings={{ ...strings, submit: t("update.actions.schedule") }}
              primary={false}
            />
          </section>
        )}
      </section>

      {update.state !== "draft" && update.state !== "scheduled" && (
        <section aria-labelledby="progress">
          <h2 id="progress">{t("update.progressHeading")}</h2>
          <UpdateProgressBar
            url={`/${locale}/dashboard/updates/${update.id}/progress`}
            initial={{ state: update.state, ...progress }}
            strings={{ label: t("update.progressLabel"), sent: t("update.progress.sent"), total: t("update.progress.total"), failed: t("update.progress.failed"), skipped: t("update.progress.skipped"), waiting: t("update.progress.waiting") }}
          />
        </section>
      )}

      <section aria-labelledby="preview">
        <h2 id="preview">{t("update.previewHeading")}</h2>
        <ul>
          {locales.map((l) => (
            <li key={l}>
              <Link href={`/dashboard/updates/${update.id}/preview?lang=${l}`}>{t("update.previewIn", { language: strings.languages[l] })}</Link>
            </li>
          ))}
        </ul>
        <h3 id="test">{t("update.testHeading")}</h3>
        <ActionForm
          id="update-test"
          action={testUpdateAction}
          initial={{ updateId: update.id, testLocale: locale }}
          fields={[
            { kind: "hidden", name: "updateId", value: update.id },
            { kind: "select", name: "testLocale", label: t("updateFields.testLocale"), options: locales.map((l) => ({ value: l, label: strings.languages[l] })) },
          ]}
          strings={{ ...strings, submit: t("update.actions.test") }}
          primary={false}
        />
      </section>

      {isEditable(update.state) && (
        <section aria-labelledby="edit">
          <h2 id="edit">{t("update.editHeading")}</h2>
          <ActionForm id="update-edit" action={editUpdateAction} initial={{ ...hidden, ...updateFormValues(update) }} fields={await updateFields(hiddenFields)} strings={strings} />
        </section>
      )}
    </>
  );
}
