import type { Db } from "@/db";
import { countDeliverableSubscribers } from "@/db/queries/subscribers";
import type { CampaignUpdate } from "@/db/queries/updates";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { authorizeUpdate } from "./authorize-update";
import { assertSendable } from "./check-texts";
import { nextUpdateAllowedAt } from "./frequency";
import { transitionUpdate } from "./transition-update";

export type SendOutcome = { update: CampaignUpdate; recipients: number } | { alreadySending: true };

/**
 * Sends an update now: it must be written in its default language, within the weekly cap, and reach someone
 * (a send to nobody is refused, saying so). The fan-out (lib/updates/fan-out.ts) picks it up within a second.
 * Pressing "send" again, or an old tab's second press, does nothing: the update is already on its way.
 */
export async function sendUpdate(db: Db, actor: Actor | null, input: { updateId: string; version: number }, options: { now?: Date } = {}): Promise<SendOutcome> {
  const { update } = await authorizeUpdate(db, actor, input.updateId);
  if (update.state === "sending" || update.state === "paused" || update.state === "sent") return { alreadySending: true };
  let recipients = 0;
  const row = await transitionUpdate(db, actor, input, "send", {
    now: options.now,
    async check(u, tx, now) {
      assertSendable(u);
      const next = await nextUpdateAllowedAt(tx, u.campaignId, now, u.id);
      if (next) throw new AppError("conflict", { form: "update_too_frequent" });
      recipients = await countDeliverableSubscribers(tx, u.campaignId);
      if (recipients === 0) throw new AppError("conflict", { form: "update_no_subscribers" });
    },
    set: (_u, _tx, now) => ({ startedAt: now, scheduledAt: null, recipientsTotal: recipients, fanoutCursor: null, fanoutDoneAt: null, fanoutLeaseUntil: null }),
    after: async () => ({ recipients }),
  });
  return { update: row, recipients };
}
