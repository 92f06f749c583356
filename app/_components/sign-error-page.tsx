import type { Petition } from "@/db/queries/petitions";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { catalogues, translator } from "@/lib/i18n/translator";
import { signerEmailMaxLength, signerNameMaxLength } from "@/lib/validation/signatures";
import {
  type SignFormErrors,
  type SignFormLimits,
  type SignFormStrings,
  type SignFormValues,
  SignFormView,
  signFormStringKeys,
} from "./sign-form-view";
import { renderStandalonePage } from "./standalone-page";

type SignErrorCode = keyof (typeof catalogues)["en"]["signForm"]["errors"];

export const signFormLimits: SignFormLimits = { name: signerNameMaxLength, email: signerEmailMaxLength };

/**
 * Where the sign form posts. The language rides in the URL too, so an answer that cannot read the body
 * (too large, unreadable) is still in the form's language.
 */
export function signFormAction(slug: string, locale: Locale): string {
  return `/api/v1/petitions/${slug}/signatures?locale=${locale}`;
}

export function signFormStrings(locale: Locale, target: string): SignFormStrings {
  const t = translator(locale);
  return Object.fromEntries(signFormStringKeys.map((k) => [k, t(`signForm.${k}`, { target })])) as SignFormStrings;
}

export function signErrorMessages(locale: Locale, fields: Record<string, string>, formCode?: string): SignFormErrors {
  const t = translator(locale);
  const known = (code: string): code is SignErrorCode => code in catalogues[locale].signForm.errors;
  const msg = (code: string) => (known(code) ? t(`signForm.errors.${code}`) : t("signForm.errorUnexpected"));
  const errors: SignFormErrors = {};
  if (fields.name) errors.name = msg(fields.name);
  if (fields.email) errors.email = msg(fields.email);
  if (formCode) errors.form = msg(formCode);
  return errors;
}

/**
 * With JavaScript off, a form with mistakes comes back as this page: the petition's title, the messages,
 * and the form with what was typed. Rendered in the route handler, so the status can be a 4xx.
 */
export async function renderSignErrorPage(p: {
  locale: Locale;
  petition: Pick<Petition, "slug" | "title" | "target">;
  action: string;
  values: SignFormValues;
  errors: SignFormErrors;
  /** False when signing is not possible at all (a closed petition): the message without the form. */
  showForm: boolean;
}): Promise<string> {
  const t = translator(p.locale);
  const title = pick(p.petition.title, p.locale);
  const heading = p.showForm ? t("petitions.signHeading") : t("petitions.closedHeading");
  return renderStandalonePage({
    locale: p.locale,
    title: `${heading}: ${title}`,
    heading,
    back: { href: `/${p.locale}/petitions/${p.petition.slug}`, text: `← ${title}` },
    children: p.showForm ? (
      <SignFormView
        action={p.action}
        locale={p.locale}
        values={p.values}
        errors={p.errors}
        strings={signFormStrings(p.locale, pick(p.petition.target, p.locale))}
        limits={signFormLimits}
      />
    ) : (
      <p className="notice notice-error" role="alert">
        {p.errors.form}
      </p>
    ),
  });
}
