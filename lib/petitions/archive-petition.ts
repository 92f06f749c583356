import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type TransitionInput, transitionPetition } from "./transition-petition";

/** Hides a petition from the public for good; its signatures stay for the record. */
export async function archivePetition(db: Db, actor: Actor | null, input: TransitionInput) {
  return transitionPetition(db, actor, input, "archive");
}
