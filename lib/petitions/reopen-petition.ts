import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { type TransitionInput, transitionPetition } from "./transition-petition";
import { deadlinePassed } from "./state";

/** Takes signatures again after a close, unless its deadline has passed. */
export async function reopenPetition(db: Db, actor: Actor | null, input: TransitionInput) {
  return transitionPetition(db, actor, input, "reopen", {
    check(petition) {
      if (deadlinePassed(petition)) throw new AppError("illegal_transition", { form: "deadline_passed" });
    },
    set: () => ({ closedAt: null }),
  });
}
