import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { formatRallyWhen } from "@/lib/rallies/format-when";
import { getRallyEditor } from "@/lib/rallies/get-rally-editor";
import { availableActions, isEditable, isVisible } from "@/lib/rallies/state";
import { ActionButton } from "../../../_components/action-button";
import { ActionForm } from "../../../_components/action-form";
import { loadOrRefuse } from "../../../_components/guard";
import { Notice } from "../../../_components/notice";
import { rallyFields, rallyFormValues } from "../../../_components/rally-fields";
import { formStrings } from "../../../_components/strings";
import { TableWrap } from "../../../_components/table-wrap";
import { announceRallyAction, cancelRallyAction, checkInAction, holdRallyAction, updateRallyAction, walkInAction } from "../../rally-actions";

type Props = { params: Promise<{ locale: Locale; rallyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("rally.title") };
}

/** A rally for its organizers: state and its actions, details, attendees (names and addresses), check-in, export. */
export default async function RallyDashboardPage({ params, searchParams }: Props) {
  const { locale, rallyId } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice } = await searchParams;
  const { rally, campaign, counts, attendees } = await loadOrRefuse(locale, `/dashboard/rallies/${rallyId}`, async () => getRallyEditor(await getDb(), await currentActor(), rallyId));
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const strings = await formStrings();
  const hidden = { rallyId: rally.id, version: rally.version };
  const hiddenFields = [
    { kind: "hidden" as const, name: "rallyId", value: rally.id },
    { kind: "hidden" as const, name: "version", value: String(rally.version) },
  ];
  const actions = availableActions(rally.state);
  const started = rally.startsAt <= new Date();
  const checkInOpen = rally.state === "announced" || rally.state === "changed" || rally.state === "held";
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone: rally.timeZone }) : "—");

  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <p className="badge">{t(`rallyState.${rally.state}`)}</p>
      <h1>{pick(rally.title, locale) || rally.slug}</h1>
      <Notice value={notice} />
      <p>{formatRallyWhen(locale, rally)}</p>
      {isVisible(rally.state) && (
        <p>
          <Link href={`/rallies/${rally.slug}`}>{t("rally.publicPage")}</Link>
        </p>
      )}

      <section aria-labelledby="state">
        <h2 id="state">{t("rally.stateHeading")}</h2>
        <p>{t(`rally.stateHelp.${rally.state}`)}</p>
        {actions.includes("announce") && (
          <div className="actions-row">
            <ActionButton action={announceRallyAction} hidden={hidden} label={t("rally.actions.announce")} pending={t("form.saving")} />
          </div>
        )}
        {actions.includes("hold") && started && (
          <section aria-labelledby="hold">
            <h3 id="hold">{t("rally.holdHeading")}</h3>
            <ActionForm
              id="rally-hold"
              action={holdRallyAction}
              initial={hidden}
              fields={[...hiddenFields, { kind: "localized", name: "report", label: t("rallyFields.report"), hint: t("rallyFields.reportHint"), rows: 4, maxLength: 10000 }]}
              strings={{ ...strings, submit: t("rally.actions.hold") }}
              primary={false}
            />
          </section>
        )}
        {actions.includes("cancel") && (
          <section aria-labelledby="cancel">
            <h3 id="cancel">{t("rally.cancelHeading")}</h3>
            <p className="muted">{t("rally.cancelHelp")}</p>
            <ActionForm
              id="rally-cancel"
              action={cancelRallyAction}
              initial={hidden}
              fields={[...hiddenFields, { kind: "localized", name: "cancelNote", label: t("rallyFields.cancelNote"), hint: t("rallyFields.cancelNoteHint"), rows: 3, maxLength: 2000 }]}
              strings={{ ...strings, submit: t("rally.actions.cancel") }}
              primary={false}
            />
          </section>
        )}
      </section>

      <section aria-labelledby="attendees">
        <h2 id="attendees">{t("rally.attendeesHeading")}</h2>
        <dl className="figures">
          {(["confirmed", "waitlisted", "pending", "cancelled", "attended"] as const).map((k) => (
            <div key={k}>
              <dt>{t(`rally.counts.${k}`)}</dt>
              <dd data-testid={`count-${k}`}>{format.number(counts[k])}</dd>
            </div>
          ))}
          {rally.capacity !== null && (
            <div>
              <dt>{t("rallyFields.capacity")}</dt>
              <dd>{format.number(rally.capacity)}</dd>
            </div>
          )}
        </dl>
        {attendees.length > 0 && (
          <TableWrap label={t("rally.attendeesHeading")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("rally.columns.name")}</th>
                  <th scope="col">{t("rally.columns.email")}</th>
                  <th scope="col">{t("rally.columns.state")}</th>
                  <th scope="col">{t("rally.columns.checkedIn")}</th>
                </tr>
              </thead>
              <tbody>
                {attendees.map((a) => (
                  <tr key={a.id}>
                    <td>{a.name || "—"}</td>
                    <td>{a.email ?? t("rally.walkInLabel")}</td>
                    <td>{t(`rally.rsvpState.${a.state}`)}</td>
                    <td>
                      {a.checkedInAt ? (
                        time(a.checkedInAt)
                      ) : a.state === "confirmed" && checkInOpen ? (
                        <ActionButton action={checkInAction} hidden={{ rallyId: rally.id, rsvpId: a.id }} label={t("rally.checkIn")} pending={t("form.saving")} />
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {checkInOpen && (
          <section aria-labelledby="walk-in">
            <h3 id="walk-in">{t("rally.walkInHeading")}</h3>
            <ActionForm
              id="rally-walk-in"
              action={walkInAction}
              initial={{ rallyId: rally.id }}
              fields={[{ kind: "hidden", name: "rallyId", value: rally.id }, { kind: "text", name: "name", label: t("rally.walkInName"), maxLength: 100, required: true }]}
              strings={{ ...strings, submit: t("rally.walkInAdd") }}
              primary={false}
            />
          </section>
        )}
        <form method="post" action={`/${locale}/dashboard/rallies/${rally.id}/export`}>
          <button type="submit" className="button">
            {t("rally.export")}
          </button>
        </form>
        <p className="muted">{t("export.audited")}</p>
      </section>

      {isEditable(rally.state) && (
        <section aria-labelledby="edit">
          <h2 id="edit">{t("rally.editHeading")}</h2>
          <p className="muted">{t(rally.state === "draft" ? "rally.editHelpDraft" : "rally.editHelpLive")}</p>
          <ActionForm
            id="rally-edit"
            action={updateRallyAction}
            initial={{ ...hidden, ...rallyFormValues(rally) }}
            fields={await rallyFields(hiddenFields, { slug: false, changeMessage: rally.state !== "draft" })}
            strings={strings}
          />
        </section>
      )}
    </>
  );
}
