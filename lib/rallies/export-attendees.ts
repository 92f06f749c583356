import type { Db } from "@/db";
import { listAttendees } from "@/db/queries/rsvps";
import type { Actor } from "@/lib/organizers/access";
import { csvBom, csvLine } from "@/lib/petitions/csv";
import { toLocalDateTime } from "@/lib/time/zoned";
import { authorizeRally } from "./authorize-rally";
import { recordChange } from "@/lib/audit/record-change";

export type AttendeeLabels = { name: string; email: string; state: string; registeredAt: string; checkedInAt: string; walkIn: string; states: Record<string, string>; yes: string };

/**
 * The attendee list as CSV for the campaign's organizers: name, address, state, times on the rally's wall
 * clock. Recorded in the audit log before the list is read. (Cells that a spreadsheet would run as a
 * formula are quoted as text.)
 */
export async function exportAttendees(db: Db, actor: Actor | null, input: { rallyId: string; labels: AttendeeLabels }) {
  const { actor: a, rally } = await authorizeRally(db, actor, input.rallyId);
  await recordChange(db, a, "rally.attendees.export", { type: "rally", id: rally.id, campaignId: rally.campaignId });
  const l = input.labels;
  const when = (d: Date | null) => (d ? toLocalDateTime(d, rally.timeZone).replace("T", " ") : "");
  const rows = await listAttendees(db, rally.id);
  const lines = [
    csvBom + csvLine([l.name, l.email, l.state, l.registeredAt, l.checkedInAt, l.walkIn]),
    ...rows.map((r) => csvLine([r.name, r.email ?? "", l.states[r.state] ?? r.state, when(r.createdAt), when(r.checkedInAt), r.walkIn ? l.yes : ""])),
  ];
  return { filename: `${rally.slug}-attendees.csv`, body: lines.join("") };
}
