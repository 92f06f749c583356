import type { Db } from "@/db";
import type { Petition } from "@/db/queries/petition-admin";
import { confirmedSignaturesPage, deliveryCounts } from "@/db/queries/signature-reports";
import type { Locale } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import { recordChange } from "@/lib/audit/record-change";

export type DeliveryFormat = "csv" | "pdf";

export type DeliveryPack = {
  petition: Petition;
  locale: Locale;
  /** Confirmed signatures, named or not. */
  count: number;
  /** Of those, the signers who agreed to be named to the petition's target. */
  named: number;
  preparedAt: Date;
  /** Their names, in confirmation order, read a page at a time. */
  names: AsyncGenerator<string>;
};

const pageSize = 2000;

/**
 * What a petition's target gets: the text, the count, and only the names of confirmed signers who ticked
 * "include my name in what is delivered". No address, no other name. For the petition's organizers and
 * admins; recorded in the audit log before the first name is read.
 */
export async function buildDeliveryPack(
  db: Db,
  actor: Actor | null,
  input: { petitionId: string; locale: Locale; format: DeliveryFormat },
  now = new Date(),
): Promise<DeliveryPack> {
  const { actor: a, petition } = await authorizePetition(db, actor, input.petitionId);
  await recordChange(db, a, "signatures.delivery_pack", { type: "petition", id: petition.id, campaignId: petition.campaignId }, { format: input.format, locale: input.locale });
  const { confirmed, named } = await deliveryCounts(db, petition.id);
  async function* names(): AsyncGenerator<string> {
    let after: { cursor: string; id: string } | undefined;
    for (;;) {
      const page = await confirmedSignaturesPage(db, petition.id, { withEmail: false, namedForDelivery: true, after, limit: pageSize });
      for (const row of page) yield row.name;
      const last = page[page.length - 1];
      if (!last || page.length < pageSize) return;
      after = { cursor: last.cursor, id: last.id };
    }
  }
  return { petition, locale: input.locale, count: confirmed, named, preparedAt: now, names: names() };
}
