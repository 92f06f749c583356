import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { Localized } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { type TransitionInput, transitionPetition } from "./transition-petition";

/** Records that the signatures were handed over, with a note the public page shows. */
export async function deliverPetition(db: Db, actor: Actor | null, input: TransitionInput & { deliveryNote: Localized }) {
  return transitionPetition(db, actor, input, "deliver", {
    check() {
      if (!Object.values(input.deliveryNote).some((s) => s.trim())) {
        throw new AppError("invalid_input", { "deliveryNote.ru": "required", "deliveryNote.kk": "required", "deliveryNote.en": "required" });
      }
    },
    set: (now) => ({ deliveredAt: now, deliveryNote: input.deliveryNote }),
  });
}
