import type { Db } from "@/db";
import { listCampaignsFor } from "@/db/queries/organizers";
import { type Actor, requireActor } from "./access";

/** The dashboard's first page: the campaigns the actor manages. */
export async function getDashboard(db: Db, actor: Actor | null) {
  const a = requireActor(actor);
  return { actor: a, campaigns: await listCampaignsFor(db, a) };
}
