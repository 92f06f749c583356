import type { Db } from "@/db";
import { type Petition, transitionPetitionState } from "@/db/queries/petition-admin";
import { runTransition } from "@/lib/lifecycle/transition";
import type { Actor } from "@/lib/organizers/access";
import { authorizePetition } from "@/lib/organizers/authorize";
import { canPerform, type PetitionAction, petitionActions } from "./state";

export type TransitionInput = { petitionId: string; version: number };

/** Publish, close, reopen, deliver and archive (lib/lifecycle/transition.ts), with each one's own check and columns. */
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
  return runTransition<Petition>(db, {
    entity: "petition",
    action: `petition.${action}`,
    version: input.version,
    authorize: async (tx) => {
      const { actor: a, petition } = await authorizePetition(tx, actor, input.petitionId);
      return { actor: a, row: petition };
    },
    canPerform: (state) => canPerform(state, action),
    illegal: `illegal_${action}`,
    check: options.check,
    update: (tx, petition, now) =>
      transitionPetitionState(tx, petition.id, { from: petition.state, version: input.version }, petitionActions[action].to, options.set?.(now) ?? {}),
    details: options.details,
  });
}
