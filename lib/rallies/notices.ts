import type { SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { insertNoticesWithJobs as insertNotices } from "@/db/queries/rsvps";
import { priorityOf } from "@/lib/email/kinds";
import type { RallyNoticeKind, RsvpState } from "./state";

/** db/queries/rsvps.ts's notice insert, with the email's priority from the registry (db/ does not read lib/). */
export function insertNoticesWithJobs(
  db: Db,
  n: { rallyId: string; kind: RallyNoticeKind; key?: string; states: readonly RsvpState[]; rsvpIds?: string[]; where?: SQL },
): Promise<string[]> {
  return insertNotices(db, { ...n, priority: priorityOf("rally-email", { kind: n.kind }) });
}
