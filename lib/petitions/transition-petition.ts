import type { Db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { type Petition, transitionPetitionState } from "@/db/queries/petition-admin";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import { canPerform, type PetitionAction, petitionActions } from "./state";

export type TransitionInput = { petitionId: string; version: number };

/**
 * The shared path of publish, close, reopen, deliver and archive: authorize, check the state machine, check the
 * version the organizer saw, then a guarded UPDATE (so two organizers pressing at once cannot both succeed),
 * and an audit entry in the same transaction.
 */
export async function transitionPetition(
  db: Db,
  actor: Actor | null,
  input: TransitionInput,
  action: PetitionAction,
  options: {
    check?: (petition: Petition, tx: Db) => Promise<void> | void;
    set?: (now: Date) => Parameters<typeof transitionPetitionState>[4];
    details?: Record<string, unknown>;
  } = {},
): Promise<Petition> {
  return db.transaction(async (tx) => {
    const { actor: a, petition } = await authorizePetition(tx, actor, input.petitionId);
    if (!canPerform(petition.state, action)) throw new AppError("illegal_transition", { form: `illegal_${action}` });
    if (petition.version !== input.version) throw new AppError("conflict", { form: "version_conflict" });
    await options.check?.(petition, tx);
    const now = new Date();
    const row = await transitionPetitionState(
      tx,
      petition.id,
      { from: petition.state, version: input.version },
      petitionActions[action].to,
      options.set?.(now) ?? {},
    );
    if (!row) throw new AppError("conflict", { form: "version_conflict" });
    await insertAuditEntry(tx, {
      actorId: a.userId,
      action: `petition.${action}`,
      entityType: "petition",
      entityId: petition.id,
      campaignId: petition.campaignId,
      details: { from: petition.state, to: row.state, ...options.details },
    });
    return row;
  });
}
