/** Everything the audit log records. Add to this list; never rename (old rows keep the old name). */
export const auditActions = [
  "sign_in",
  "sign_out",
  "invite",
  "remove_user",
  "campaign.create",
  "campaign.update",
  "campaign.publish",
  "campaign.unpublish",
  "profile.update",
  "profile.portrait",
  "timeline.add",
  "timeline.remove",
  "source.add",
  "source.remove",
  "petition.create",
  "petition.update",
  "petition.publish",
  "petition.close",
  "petition.reopen",
  "petition.deliver",
  "petition.archive",
  "signatures.export",
  "signatures.delivery_pack",
] as const;

export type AuditAction = (typeof auditActions)[number];
