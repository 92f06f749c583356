import type { Db } from "@/db";
import { listCampaignsFor, listUsersWithCampaigns } from "@/db/queries/organizers";
import { type Actor, requireAdmin } from "./access";

/** The admin's people page: every account with its campaigns, and the campaigns one can be invited to. */
export async function listUsers(db: Db, actor: Actor | null) {
  const a = requireAdmin(actor);
  const [users, campaigns] = await Promise.all([listUsersWithCampaigns(db), listCampaignsFor(db, a)]);
  return { users, campaigns };
}
