import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type TransitionInput, transitionPetition } from "./transition-petition";

/** Stops signing. The public page then shows the final count. */
export async function closePetition(db: Db, actor: Actor | null, input: TransitionInput) {
  return transitionPetition(db, actor, input, "close", { set: (now) => ({ closedAt: now }) });
}
