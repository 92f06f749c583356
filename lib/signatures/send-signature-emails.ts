import type { Db } from "@/db";
import { findSignatureForEmail } from "@/db/queries/signatures";
import AlreadySigned, { alreadySignedSubject } from "@/emails/already-signed";
import SignatureConfirmation, { signatureConfirmationSubject } from "@/emails/signature-confirmation";
import { type RenderedEmail, type Skip, placeholder } from "@/lib/email/kinds";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { tokenFromNonce } from "./tokens";

/** `locale`: the language of the request that caused the email; the signature's own when absent. */
type SignatureEmail = { signatureId: string; locale?: Locale };

/**
 * The confirmation email of one job: the signature's link (the same in every email about it), under an
 * idempotency key of the outbox row, so a retry never sends twice. A signature no longer pending gets nothing.
 */
export async function renderConfirmationEmail(db: Db, data: SignatureEmail, email: { id: string }): Promise<RenderedEmail | Skip> {
  const s = await findSignatureForEmail(db, data.signatureId);
  if (!s) return { skip: "signature gone" };
  if (s.state !== "pending") return { skip: `signature ${s.state}` };
  const token = tokenFromNonce(s.tokenNonce);
  const locale = data.locale ?? s.locale;

  const props = {
    locale,
    name: s.name,
    petitionTitle: pick(s.petitionTitle, locale),
    confirmUrl: `${appUrl()}/${locale}/confirm/${token}`,
    siteUrl: appUrl(),
  };
  return {
    // One rendering per petition and language; each signer's name and link are filled in (lib/email/sender.ts).
    element: () => SignatureConfirmation({ ...props, name: placeholder("name"), confirmUrl: placeholder("confirmUrl") }),
    fill: {
      templateKey: `signature-confirmation/${locale}/${s.petitionSlug}/${props.petitionTitle}`,
      values: { name: props.name, confirmUrl: props.confirmUrl },
    },
    to: s.email,
    subject: signatureConfirmationSubject(props),
    idempotencyKey: `signature-confirmation/${email.id}`,
    template: "signature-confirmation",
  };
}

/** Tells the owner of an address that it has already signed (the sign page never says so). */
export async function renderAlreadySignedEmail(db: Db, data: SignatureEmail, email: { id: string }): Promise<RenderedEmail | Skip> {
  const s = await findSignatureForEmail(db, data.signatureId);
  if (!s || s.state !== "confirmed") return { skip: "signature not confirmed" };
  const locale = data.locale ?? s.locale;
  const props = {
    locale,
    name: s.name,
    petitionTitle: pick(s.petitionTitle, locale),
    petitionUrl: `${appUrl()}/${locale}/petitions/${s.petitionSlug}`,
    siteUrl: appUrl(),
  };
  return {
    element: AlreadySigned(props),
    to: s.email,
    subject: alreadySignedSubject(props),
    idempotencyKey: `signature-already-signed/${email.id}`,
    template: "signature-already-signed",
  };
}
