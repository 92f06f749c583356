import { render } from "@react-email/render";
import type { Db } from "@/db";
import OrganizerInvitation, { organizerInvitationSubject } from "@/emails/organizer-invitation";
import { sendEmail } from "@/lib/email/send";
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
  const element = OrganizerInvitation(props);
  return sendEmail(
    {
      to: input.email,
      subject: organizerInvitationSubject(props),
      html: await render(element),
      text: await render(element, { plainText: true }),
      idempotencyKey: `organizer-invitation/${input.invitationId}`,
      template: "organizer-invitation",
    },
    db,
  );
}
