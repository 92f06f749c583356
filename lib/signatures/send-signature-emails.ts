import type { Db } from "@/db";
import { findSignatureForEmail } from "@/db/queries/signatures";
import AlreadySigned, { alreadySignedSubject } from "@/emails/already-signed";
import SignatureConfirmation, { signatureConfirmationSubject } from "@/emails/signature-confirmation";
import { type SendResult, sendTemplate } from "@/lib/email/send";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";
import { tokenFromNonce } from "./tokens";

export type EmailJob = { id: string };
/** `locale`: the language of the request that caused the email; the signature's own when absent. */
type SignatureJobData = { signatureId: string; locale?: Locale };
export type Skipped = { status: "skipped"; reason: string };

/**
 * The confirmation email of one job: the signature's link (the same in every email about it), under an
 * idempotency key of the job, so a retried job never sends twice. A signature no longer pending gets nothing.
 */
export async function sendConfirmationEmail(
  db: Db,
  job: EmailJob & { data: SignatureJobData },
): Promise<SendResult | Skipped> {
  const s = await findSignatureForEmail(db, job.data.signatureId);
  if (!s) return { status: "skipped", reason: "signature gone" };
  if (s.state !== "pending") return { status: "skipped", reason: `signature ${s.state}` };
  const token = tokenFromNonce(s.tokenNonce);
  const locale = job.data.locale ?? s.locale;

  const props = {
    locale,
    name: s.name,
    petitionTitle: pick(s.petitionTitle, locale),
    confirmUrl: `${appUrl()}/${locale}/confirm/${token}`,
    siteUrl: appUrl(),
  };
  return sendTemplate(db, {
    element: SignatureConfirmation(props),
    to: s.email,
    subject: signatureConfirmationSubject(props),
    idempotencyKey: `signature-confirmation/${job.id}`,
    template: "signature-confirmation",
  });
}

/** Tells the owner of an address that it has already signed (the sign page never says so). */
export async function sendAlreadySignedEmail(
  db: Db,
  job: EmailJob & { data: SignatureJobData },
): Promise<SendResult | Skipped> {
  const s = await findSignatureForEmail(db, job.data.signatureId);
  if (s?.state !== "confirmed") return { status: "skipped", reason: "signature not confirmed" };
  const locale = job.data.locale ?? s.locale;
  const props = {
    locale,
    name: s.name,
    petitionTitle: pick(s.petitionTitle, locale),
    petitionUrl: `${appUrl()}/${locale}/petitions/${s.petitionSlug}`,
    siteUrl: appUrl(),
  };
  return sendTemplate(db, {
    element: AlreadySigned(props),
    to: s.email,
    subject: alreadySignedSubject(props),
    idempotencyKey: `signature-already-signed/${job.id}`,
    template: "signature-already-signed",
  });
}
