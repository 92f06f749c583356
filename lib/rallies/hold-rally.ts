import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { Localized } from "@/lib/i18n/locales";
import type { Actor } from "@/lib/organizers/access";
import { transitionRally } from "./transition-rally";

/** After the rally: it was held, with an optional public report. Not before it started. */
export async function holdRally(db: Db, actor: Actor | null, input: { rallyId: string; version: number; report: Localized }, options: { now?: Date } = {}) {
  const hasReport = Object.values(input.report).some((s) => s.trim() !== "");
  return transitionRally(db, actor, input, "hold", {
    now: options.now,
    check(rally, _, now) {
      if (rally.startsAt > now) throw new AppError("illegal_transition", { form: "rally_not_started" });
    },
    set: (_, now) => ({ heldAt: now, report: hasReport ? input.report : null }),
  });
}
