import "server-only";
import { getTranslations } from "next-intl/server";
import type { Rally } from "@/db/queries/rallies";
import { permitStatuses } from "@/db/schema/rallies";
import { toLocalDateTime } from "@/lib/time/zoned";
import type { FieldSpec } from "./action-form";

/** The fields of a rally, its texts in three languages; times on the campaign's wall clock (Asia/Almaty). */
export async function rallyFields(hidden: FieldSpec[], options: { slug: boolean; changeMessage?: boolean }): Promise<FieldSpec[]> {
  const t = await getTranslations("dashboard.rallyFields");
  const yesNo = [
    { value: "no", label: t("no") },
    { value: "yes", label: t("yes") },
  ];
  return [
    ...hidden,
    { kind: "localized", name: "title", label: t("title"), maxLength: 200 },
    { kind: "localized", name: "description", label: t("description"), rows: 6, maxLength: 10000 },
    ...(options.slug ? [{ kind: "text", name: "slug", label: t("slug"), hint: t("slugHint"), maxLength: 80, required: true } as FieldSpec] : []),
    { kind: "datetime-local", name: "startsAt", label: t("startsAt"), hint: t("timeHint"), required: true },
    { kind: "datetime-local", name: "endsAt", label: t("endsAt"), hint: t("endsAtHint"), required: true },
    { kind: "localized", name: "address", label: t("address"), hint: t("addressHint"), maxLength: 500 },
    { kind: "text", name: "latitude", label: t("latitude"), hint: t("coordinatesHint"), maxLength: 20 },
    { kind: "text", name: "longitude", label: t("longitude"), maxLength: 20 },
    { kind: "url", name: "mapUrl", label: t("mapUrl"), hint: t("mapUrlHint"), maxLength: 2000 },
    { kind: "select", name: "permitStatus", label: t("permitStatus"), options: permitStatuses.map((s) => ({ value: s, label: t(`permit.${s}`) })) },
    { kind: "date", name: "permitDate", label: t("permitDate") },
    { kind: "localized", name: "permitNote", label: t("permitNote"), hint: t("permitNoteHint"), rows: 2, maxLength: 1000 },
    { kind: "localized", name: "safetyNote", label: t("safetyNote"), rows: 2, maxLength: 2000 },
    { kind: "localized", name: "accessibilityNote", label: t("accessibilityNote"), rows: 2, maxLength: 2000 },
    { kind: "localized", name: "preparation", label: t("preparation"), hint: t("preparationHint"), rows: 3, maxLength: 2000 },
    { kind: "number", name: "capacity", label: t("capacity"), hint: t("capacityHint") },
    { kind: "select", name: "waitlist", label: t("waitlist"), hint: t("waitlistHint"), options: yesNo },
    { kind: "select", name: "showAttendeeCount", label: t("showAttendeeCount"), options: yesNo },
    ...(options.changeMessage ? [{ kind: "localized", name: "changeMessage", label: t("changeMessage"), hint: t("changeMessageHint"), rows: 2, maxLength: 2000 } as FieldSpec] : []),
  ];
}

/** A rally as the form shows it. */
export function rallyFormValues(r: Rally): Record<string, unknown> {
  return {
    title: r.title,
    description: r.description,
    startsAt: toLocalDateTime(r.startsAt, r.timeZone),
    endsAt: toLocalDateTime(r.endsAt, r.timeZone),
    address: r.address,
    latitude: r.latitude ?? "",
    longitude: r.longitude ?? "",
    mapUrl: r.mapUrl ?? "",
    permitStatus: r.permitStatus,
    permitDate: r.permitDate ?? "",
    permitNote: r.permitNote,
    safetyNote: r.safetyNote,
    accessibilityNote: r.accessibilityNote,
    preparation: r.preparation,
    capacity: r.capacity ?? "",
    waitlist: r.waitlist ? "yes" : "no",
    showAttendeeCount: r.showAttendeeCount ? "yes" : "no",
  };
}
