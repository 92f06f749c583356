import type { Db } from "@/db";
import { replaceUpdateTexts, updateUpdateGuarded } from "@/db/queries/updates";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import type { UpdateEditInput } from "@/lib/validation/updates";
import { authorizeUpdate } from "./authorize-update";
import { checkedTexts } from "./check-texts";
import { isEditable } from "./state";
import { recordChange } from "@/lib/audit/record-change";

/** Saves a draft's texts and default language (a scheduled or sent update no longer changes). */
export async function editUpdate(db: Db, actor: Actor | null, input: UpdateEditInput) {
  return db.transaction(async (tx) => {
    const { actor: a, update } = await authorizeUpdate(tx, actor, input.updateId, { lock: true });
    if (!isEditable(update.state)) throw new AppError("illegal_transition", { form: "update_not_editable" });
    if (update.version !== input.version) throw new AppError("conflict", { form: "version_conflict" });
    const texts = checkedTexts(input);
    const row = await updateUpdateGuarded(tx, update.id, { from: ["draft"], version: input.version }, { defaultLocale: input.defaultLocale });
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await replaceUpdateTexts(tx, update.id, texts);
    await recordChange(tx, a, "update.update", { type: "update", id: update.id, campaignId: update.campaignId });
    return row;
  });
}
