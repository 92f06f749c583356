import type { Db } from "@/db";
import { confirmedSignaturesPage } from "@/db/queries/signature-reports";
import { type Actor, requireAdmin } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import { csvBom, csvLine } from "./csv";
import { timeZone } from "@/lib/i18n/locales";
import { recordChange } from "@/lib/audit/record-change";

export type ExportLabels = { name: string; confirmedAt: string; email: string };

const almaty = new Intl.DateTimeFormat("sv-SE", {
  timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/**
 * The signers' export, for admins only: every confirmed signature as CSV (name, date confirmed in Almaty time,
 * address), to write to signers, never to hand to a target (that is the delivery pack, which holds only the
 * names their owners agreed to hand over). Recorded in the audit log before the first row is read.
 */
export async function exportSignatures(db: Db, actor: Actor | null, input: { petitionId: string; labels: ExportLabels }) {
  requireAdmin(actor);
  const { actor: a, petition } = await authorizePetition(db, actor, input.petitionId);
  await recordChange(db, a, "signatures.export", { type: "petition", id: petition.id, campaignId: petition.campaignId }, { withEmail: true });
  const header = [input.labels.name, input.labels.confirmedAt, input.labels.email];
  async function* lines(): AsyncGenerator<string> {
    yield csvBom + csvLine(header);
    let after: { cursor: string; id: string } | undefined;
    for (;;) {
      const page = await confirmedSignaturesPage(db, petition.id, { withEmail: true, after, limit: 2000 });
      for (const row of page) yield csvLine([row.name, almaty.format(row.confirmedAt), row.email ?? ""]);
      const last = page[page.length - 1];
      if (!last || page.length < 2000) return;
      after = { cursor: last.cursor, id: last.id };
    }
  }
  return { filename: `${petition.slug}-signatures.csv`, lines: lines() };
}
