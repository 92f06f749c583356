import { getTranslations } from "next-intl/server";

const notices = [
  "created",
  "saved",
  "added",
  "removed",
  "campaignPublished",
  "campaignUnpublished",
  "campaignSubmitted",
  "campaignRefused",
  "published",
  "closed",
  "reopened",
  "delivered",
  "archived",
  "invited",
  "invitedNoMail",
  "removedUser",
  "portrait",
  "codesSaved",
  "secondFactorReset",
  "nameHidden",
  "nameShown",
  "rallyAnnounced",
  "rallySaved",
  "rallyCancelled",
  "rallyHeld",
  "checkedIn",
  "walkIn",
  "abuseRuleAdded",
  "abuseRuleRemoved",
  "bulkInvalidated",
  "bulkReversed",
  "updateSending",
  "updateAlreadySending",
  "updateScheduled",
  "updateUnscheduled",
  "updatePaused",
  "updateResumed",
  "updateCancelled",
  "updateTestSent",
  "abuseFlagBlocked",
  "abuseFlagDismissed",
] as const;

/** The result of the last action, carried by the redirect (`?notice=saved`); unknown values show nothing. */
export async function Notice({ value }: { value: string | string[] | undefined }) {
  if (typeof value !== "string" || !(notices as readonly string[]).includes(value)) return null;
  const t = await getTranslations("dashboard.notices");
  return (
    <p className={value === "invitedNoMail" ? "notice notice-error" : "notice notice-ok"} role="status">
      {t(value as (typeof notices)[number])}
    </p>
  );
}
