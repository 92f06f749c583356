import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/current-actor";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphs, pick } from "@/lib/i18n/localized";
import { getPetitionEditor } from "@/lib/petitions/get-petition-editor";
import { getPetitionFigures } from "@/lib/petitions/get-petition-figures";
import { listSignerNames } from "@/lib/signatures/list-signer-names";
import { pageNumberSchema } from "@/lib/validation/organizers";
import { availableActions, isEditable, isVisible, lateConfirmationsUntil, type PetitionAction } from "@/lib/petitions/state";
import { translator } from "@/lib/i18n/translator";
import { ActionButton } from "../../../_components/action-button";
import { ActionForm } from "../../../_components/action-form";
import { loadOrRefuse } from "../../../_components/guard";
import { Notice } from "../../../_components/notice";
import { PerDayChart } from "../../../_components/per-day-chart";
import { petitionFieldLabels, petitionFields } from "../../../_components/petition-fields";
import { formStrings, localizedLabels } from "../../../_components/strings";
import {
  archivePetitionAction,
  closePetitionAction,
  deliverPetitionAction,
  publishPetitionAction,
  reopenPetitionAction,
  setSignerNameHiddenAction,
  updatePetitionAction,
} from "../../actions";
import { StackTable } from "../../../_components/stack-table";
import { locales, timeZone } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; petitionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const buttonActions = {
  publish: publishPetitionAction,
  close: closePetitionAction,
  reopen: reopenPetitionAction,
  archive: archivePetitionAction,
} as const;

/** Actions asked about first: publishing freezes the text for good, closing stops signing, archiving hides it for good. */
const confirmable = ["publish", "close", "archive"] as const;
type Confirmable = (typeof confirmable)[number];
const isConfirmable = (a: string): a is Confirmable => (confirmable as readonly string[]).includes(a);
const needsConfirmation = (a: PetitionAction): a is Confirmable => isConfirmable(a);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("petition.title") };
}

export default async function PetitionDashboardPage({ params, searchParams }: Props) {
  const { locale, petitionId } = await params;
  setRequestLocale(locale);
  await connection();
  const { notice, names: namesPage, confirm } = await searchParams;
  const path = `/dashboard/petitions/${petitionId}`;
  const { actor, petition, campaign } = await loadOrRefuse(locale, path, async () => getPetitionEditor(await getDb(), await currentActor(), petitionId));
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const strings = await formStrings();
  const hidden = { petitionId: petition.id, version: petition.version };
  const actions = availableActions(petition.state);
  const lateUntil = lateConfirmationsUntil(petition);
  const asking = typeof confirm === "string" && isConfirmable(confirm) && actions.includes(confirm) ? confirm : null;
  const labels = localizedLabels(await petitionFieldLabels(), strings.languages);
  const figures = petition.state === "draft" ? null : await getPetitionFigures(await getDb(), actor, petition.id);
  const names = figures ? await listSignerNames(await getDb(), actor, { petitionId: petition.id, page: pageNumberSchema.parse(namesPage) }) : null;
  const dayFormat = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });

  return (
    <>
      <p>
        <Link href={`/dashboard/campaigns/${campaign.id}`}>← {pick(campaign.name, locale) || campaign.slug}</Link>
      </p>
      <p className="badge">{t(`petitionState.${petition.state}`)}</p>
      <h1>{pick(petition.title, locale) || petition.slug}</h1>
      <Notice value={notice} />
      {isVisible(petition.state) ? (
        <p>
          <Link href={`/petitions/${petition.slug}`}>{t("petition.publicPage")}</Link>
        </p>
      ) : (
        <p>
          <Link href={`${path}/preview`}>{t("petition.preview")}</Link>
        </p>
      )}

      <section aria-labelledby="state">
        <h2 id="state">{t("petition.stateHeading")}</h2>
        <p>{t(`petition.stateHelp.${petition.state}`)}</p>
        {lateUntil && (
          <p className="notice">
            {translator(locale)("petitions.lateConfirmations", { date: format.dateTime(lateUntil, { dateStyle: "long", timeStyle: "short" }) })}
          </p>
        )}
        {asking ? (
          // Asked first, on a page of its own (works without JavaScript): publishing freezes the text, closing stops signing.
          <section className="notice confirm-box" aria-labelledby="confirm-question">
            <p id="confirm-question">
              <strong>{t(`petition.confirm.${asking}`)}</strong>
            </p>
            <div className="actions-row">
              <ActionButton action={buttonActions[asking]} hidden={hidden} label={t(`petition.confirmYes.${asking}`)} pending={t("form.saving")} danger={asking !== "publish"} fieldLabels={labels} />
              <Link className="button" href={path}>
                {t("petition.confirmCancel")}
              </Link>
            </div>
          </section>
        ) : (
          <div className="actions-row">
            {actions
              .filter((a): a is Exclude<PetitionAction, "deliver"> => a !== "deliver")
              .map((a) =>
                needsConfirmation(a) ? (
                  <Link key={a} className={a === "publish" ? "button" : "button button-danger"} href={`${path}?confirm=${a}#state`}>
                    {t(`petition.actions.${a}`)}
                  </Link>
                ) : (
                  <ActionButton key={a} action={buttonActions[a]} hidden={hidden} label={t(`petition.actions.${a}`)} pending={t("form.saving")} fieldLabels={labels} />
                ),
              )}
          </div>
        )}
        {actions.includes("deliver") && (
          <section aria-labelledby="deliver">
            <h3 id="deliver">{t("petition.deliverHeading")}</h3>
            <ActionForm
              id="petition-deliver"
              action={deliverPetitionAction}
              initial={hidden}
              fields={[
                { kind: "hidden", name: "petitionId", value: petition.id },
                { kind: "hidden", name: "version", value: String(petition.version) },
                { kind: "localized", name: "deliveryNote", label: t("fields.deliveryNote"), hint: t("fields.deliveryNoteHint"), rows: 3, maxLength: 2000 },
              ]}
              strings={{ ...strings, submit: t("petition.actions.deliver") }}
              primary={false}
            />
          </section>
        )}
        {petition.deliveryNote && (
          <div className="notice">
            <p>
              <strong>{t("fields.deliveryNote")}</strong>
            </p>
            {paragraphs(pick(petition.deliveryNote, locale)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        )}
      </section>

      {figures && (
        <section aria-labelledby="figures">
          <h2 id="figures">{t("figures.heading")}</h2>
          <dl className="figures">
            <div>
              <dt>{t("figures.confirmed")}</dt>
              <dd data-testid="confirmed-count">{format.number(figures.byState.confirmed)}</dd>
            </div>
            <div>
              <dt>{t("figures.pending")}</dt>
              <dd data-testid="pending-count">{format.number(figures.byState.pending)}</dd>
            </div>
            <div>
              <dt>{t("figures.goal")}</dt>
              <dd>{format.number(petition.goal)}</dd>
            </div>
            <div>
              <dt>{t("figures.updates")}</dt>
              <dd>{format.number(figures.consents.updates)}</dd>
            </div>
            <div>
              <dt>{t("figures.publicName")}</dt>
              <dd>{format.number(figures.consents.publicName)}</dd>
            </div>
            <div>
              <dt>{t("figures.deliveryName")}</dt>
              <dd data-testid="delivery-name-count">{format.number(figures.consents.deliveryName)}</dd>
            </div>
          </dl>
          <h3>{t("figures.perDay")}</h3>
          {figures.perDay.length === 0 ? (
            <p>{t("figures.none")}</p>
          ) : (
            <PerDayChart
              days={figures.perDay.map((d) => ({ ...d, label: dayFormat(d.day) }))}
              strings={{
                title: t("figures.perDay"),
                summary: t("figures.chartSummary", {
                  from: dayFormat(figures.perDay[0]!.day),
                  to: dayFormat(figures.perDay[figures.perDay.length - 1]!.day),
                  max: Math.max(...figures.perDay.map((d) => d.n)),
                }),
                table: t("figures.asTable"),
                day: t("figures.day"),
                count: t("figures.confirmed"),
              }}
            />
          )}
        </section>
      )}

      {names && (
        <section aria-labelledby="names">
          <h2 id="names">{t("names.heading")}</h2>
          <p>{t("names.intro")}</p>
          {names.total === 0 ? (
            <p>{t("names.none")}</p>
          ) : (
            <StackTable
              label={t("names.heading")}
              rows={names.names}
              rowKey={(n) => n.id}
              columns={[
                { label: t("names.name"), cell: (n) => n.name },
                { label: t("names.day"), cell: (n) => format.dateTime(new Date(`${n.day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) },
                { label: t("names.status"), cell: (n) => (n.hidden ? t("names.hiddenState") : t("names.shown")) },
                {
                  label: t("people.actions"),
                  actions: true,
                  cell: (n) => (
                    <ActionButton
                      action={setSignerNameHiddenAction}
                      hidden={{ petitionId: petition.id, signatureId: n.id, hidden: n.hidden ? "0" : "1" }}
                      label={n.hidden ? t("names.show") : t("names.hide")}
                      pending={t("form.saving")}
                      danger={!n.hidden}
                    />
                  ),
                },
              ]}
            />
          )}
          {names.pages > 1 && (
            <p className="links-row">
              {names.page > 1 && <Link href={`${path}?names=${names.page - 1}#names`}>{t("names.newer")}</Link>}{" "}
              {names.page < names.pages && <Link href={`${path}?names=${names.page + 1}#names`}>{t("names.older")}</Link>}
            </p>
          )}
        </section>
      )}

      {figures && (
        <section aria-labelledby="export">
          <h2 id="export">{t("export.heading")}</h2>
          <p>
            {t("export.packIntro", {
              target: pick(petition.target, locale),
              count: figures.byState.confirmed,
              named: figures.consents.deliveryName,
            })}
          </p>
          <form method="post" action={`/${locale}/dashboard/petitions/${petition.id}/delivery-pack`} className="dashboard-form">
            <div className="field">
              <label htmlFor="pack-language">{t("export.language")}</label>
              <select id="pack-language" name="language" defaultValue={locale}>
                {locales.map((l) => (
                  <option key={l} value={l}>
                    {strings.languages[l]}
                  </option>
                ))}
              </select>
            </div>
            <p className="actions-row">
              <button type="submit" name="format" value="pdf" className="button">
                {t("export.pdf")}
              </button>{" "}
              <button type="submit" name="format" value="csv" className="button">
                {t("export.csv")}
              </button>
            </p>
          </form>
          {actor.role === "admin" && (
            <>
              <h3>{t("export.signersHeading")}</h3>
              <p>{t("export.withEmail")}</p>
              <form method="post" action={`/${locale}/dashboard/petitions/${petition.id}/export`}>
                <button type="submit" className="button">
                  {t("export.download")}
                </button>
              </form>
            </>
          )}
          <p className="muted">{t("export.audited")}</p>
        </section>
      )}

      {isEditable(petition.state) ? (
        <section aria-labelledby="edit">
          <h2 id="edit">{t("petition.editHeading")}</h2>
          <p className="muted">{t("petition.editHelp")}</p>
          <ActionForm
            id="petition-edit"
            action={updatePetitionAction}
            initial={{
              ...hidden,
              slug: petition.slug,
              goal: String(petition.goal),
              deadline: petition.deadline ? new Intl.DateTimeFormat("sv-SE", { timeZone }).format(petition.deadline) : "",
              title: petition.title,
              target: petition.target,
              summary: petition.summary,
              body: petition.body,
            }}
            fields={await petitionFields([
              { kind: "hidden", name: "petitionId", value: petition.id },
              { kind: "hidden", name: "version", value: String(petition.version) },
            ])}
            strings={strings}
          />
        </section>
      ) : (
        <section aria-labelledby="text">
          <h2 id="text">{t("petition.textHeading")}</h2>
          <p className="muted">{figures && figures.byState.confirmed + figures.byState.pending > 0 ? t("petition.frozen") : t("petition.frozenUnsigned")}</p>
          {locales.map((l) => (
            <details key={l} lang={l}>
              <summary>{strings.languages[l]}</summary>
              <h3>{petition.title[l]}</h3>
              <p>{petition.target[l]}</p>
              <p>{petition.summary[l]}</p>
              {paragraphs(petition.body[l]).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </details>
          ))}
        </section>
      )}
    </>
  );
}
