import type { Db } from "@/db";
import type { Actor } from "@/lib/organizers/access";
import { type TransitionInput, transitionPetition } from "./transition-petition";

/**
 * Hides a petition from the public for good; its signatures stay for the record, and their personal data is
 * anonymised ARCHIVE_ANONYMISE_MONTHS later (lib/retention/apply-retention.ts), the count kept.
 */
export async function archivePetition(db: Db, actor: Actor | null, input: TransitionInput) {
  return transitionPetition(db, actor, input, "archive", { set: (now) => ({ archivedAt: now }) });
}
