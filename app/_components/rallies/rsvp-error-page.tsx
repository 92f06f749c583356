import type { Rally } from "@/db/queries/rallies";
import type { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { translator } from "@/lib/i18n/translator";
import { renderStandalonePage } from "../standalone-page";
import { RsvpFormView } from "./rsvp-form-view";
import { rsvpErrorMessages, rsvpFormStrings } from "./rsvp-strings";

/** With JavaScript off, an RSVP with mistakes comes back as this page (the form, what was typed, the messages); a refused one as its message. */
export async function renderRsvpErrorPage({ error, rally, locale, body }: { error: AppError; rally: Pick<Rally, "slug" | "title">; locale: Locale; body: Record<string, unknown> }) {
  const t = translator(locale);
  const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : "");
  const errors = rsvpErrorMessages(locale, error.fields, error.code === "invalid_input" ? undefined : error.code);
  const showForm = error.code === "invalid_input" || error.code === "body_too_large" || error.code === "bad_request" || error.code === "unsupported_media_type";
  const title = pick(rally.title, locale);
  return renderStandalonePage({
    locale,
    title: `${t("rallies.rsvpHeading")}: ${title}`,
    back: { href: `/${locale}/rallies/${rally.slug}`, text: title },
    heading: t("rallies.rsvpHeading"),
    children: showForm ? (
      <RsvpFormView
        action={`/api/v1/rallies/${rally.slug}/rsvps`}
        locale={locale}
        values={{ email: str(body.email), name: str(body.name), updates: ["on", "true", "1"].includes(str(body.updates)) }}
        errors={errors}
        strings={rsvpFormStrings(locale)}
      />
    ) : (
      <p className="notice notice-error" role="alert">
        {errors.form}
      </p>
    ),
  });
}
