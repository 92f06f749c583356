import type { Db } from "@/db";
import OrganizerInvitation, { organizerInvitationSubject } from "@/emails/organizer-invitation";
import { sendTemplate } from "@/lib/email/send";
import { appUrl } from "@/lib/env";
import type { Locale, Localized } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";

/** The invitation email, after the invitation committed. Carries no credential; the sign-in page sends one. */
export async function sendInvitation(
  db: Db,
  input: { invitationId: string; email: string; locale: Locale; role: "admin" | "organizer"; campaignName: Localized | null },
) {
  const props = {
    locale: input.locale,
    role: input.role,
    campaignName: input.campaignName ? pick(input.campaignName, input.locale) : null,
    signInUrl: `${appUrl()}/${input.locale}/sign-in`,
    siteUrl: appUrl(),
  };
  return sendTemplate(db, {
    element: OrganizerInvitation(props),
    to: input.email,
    subject: organizerInvitationSubject(props),
    idempotencyKey: `organizer-invitation/${input.invitationId}`,
    template: "organizer-invitation",
  });
}
