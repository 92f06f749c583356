import type { Db } from "@/db";
import { recordChange } from "@/lib/audit/record-change";
import { updateDraftAtVersion } from "@/db/queries/petition-admin";
import { isUniqueViolation } from "@/db/queries/pg-errors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import type { PetitionDraftInput } from "@/lib/validation/organizers";
import { isEditable } from "./state";

/**
 * Saves a draft's text. Refused once published (`illegal_transition`), and when someone else saved since the
 * form was loaded (`conflict`): nobody's work is silently overwritten.
 */
export async function updatePetition(
  db: Db,
  actor: Actor | null,
  input: PetitionDraftInput & { petitionId: string; version: number },
) {
  try {
    return await db.transaction(async (tx) => {
      const { actor: a, petition } = await authorizePetition(tx, actor, input.petitionId);
      if (!isEditable(petition.state)) throw new AppError("illegal_transition", { form: "not_editable" });
      const { petitionId: _, version, ...draft } = input;
      const row = await updateDraftAtVersion(tx, petition.id, version, draft);
      if (!row) throw new AppError("conflict", { form: "version_conflict" });
      await recordChange(tx, a, "petition.update", { type: "petition", id: petition.id, campaignId: petition.campaignId }, { version: row.version });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_input", { slug: "slug_taken" });
    throw error;
  }
}
