import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, invitations } from "@/db/schema";
import OrganizerInvitation, { organizerInvitationSubject } from "@/emails/organizer-invitation";
import type { RenderedEmail, Skip } from "@/lib/email/kinds";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/localized";

/** The invitation email, enqueued with the invitation (lib/organizers/invite-user.ts). Carries no credential. */
export async function renderInvitation(db: Db, input: { invitationId: string; locale: Locale }): Promise<RenderedEmail | Skip> {
  const [row] = await db
    .select({ email: invitations.email, role: invitations.role, campaignName: campaigns.name })
    .from(invitations)
    .leftJoin(campaigns, eq(campaigns.id, invitations.campaignId))
    .where(eq(invitations.id, input.invitationId));
  if (!row) return { skip: "invitation gone" };
  const props = {
    locale: input.locale,
    role: row.role,
    campaignName: row.campaignName ? pick(row.campaignName, input.locale) : null,
    signInUrl: `${appUrl()}/${input.locale}/sign-in`,
    siteUrl: appUrl(),
  };
  return {
    element: OrganizerInvitation(props),
    to: row.email,
    subject: organizerInvitationSubject(props),
    idempotencyKey: `organizer-invitation/${input.invitationId}`,
    template: "organizer-invitation",
  };
}
