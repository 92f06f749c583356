import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { findCampaignById } from "@/db/queries/campaign-admin";
import { addCampaignMember, insertInvitation, upsertInvitedUser } from "@/db/queries/organizers";
import type { UserRole } from "@/db/schema/auth";
import { enqueueEmail } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { type Actor, requireAdmin } from "./access";

export type InviteInput = { email: string; role: UserRole; campaignId: string | null; locale: Locale };

/**
 * An admin lets a person in: their account (re-enabled if it was removed), their campaign, a record of the
 * invitation, its email and an audit entry, in one transaction.
 */
export async function inviteUser(db: Db, actor: Actor | null, input: InviteInput) {
  const a = requireAdmin(actor);
  return db.transaction(async (tx) => {
    if (input.campaignId && !(await findCampaignById(tx, input.campaignId))) {
      throw new AppError("invalid_input", { campaignId: "invalid" });
    }
    if (input.role === "organizer" && !input.campaignId) throw new AppError("invalid_input", { campaignId: "required" });
    const user = await upsertInvitedUser(tx, { email: input.email, role: input.role, locale: input.locale });
    if (input.campaignId) await addCampaignMember(tx, input.campaignId, user.id);
    const invitation = await insertInvitation(tx, {
      email: user.email,
      role: input.role,
      campaignId: input.campaignId,
      invitedBy: a.userId,
    });
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: "invite",
      entityType: "user",
      entityId: user.id,
      campaignId: input.campaignId,
      details: { role: user.role, invitationId: invitation.id },
    });
    await enqueueEmail(tx, "organizer-invitation", { invitationId: invitation.id, locale: input.locale });
    return { user, invitation };
  });
}
