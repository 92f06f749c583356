import type { Db } from "@/db";
import { findUserByEmail } from "@/db/queries/organizers";
import { isEmbedded, usesDevMailbox } from "@/lib/env";
import { addAdmin } from "./add-admin";

/** The embedded default's admin: its sign-in links land in the dev mailbox (/<locale>/dev/mailbox). */
export const devAdminEmail = "admin@qoldau.localhost";

/**
 * On the embedded default only (no DATABASE_URL, mail kept in the dev mailbox), so a newcomer can sign in with
 * nothing configured. Never in production: there the first admin comes from `npm run admin:add`.
 */
export async function ensureDevAdmin(db: Db): Promise<boolean> {
  if (!isEmbedded() || !usesDevMailbox()) return false;
  if (await findUserByEmail(db, devAdminEmail)) return false;
  await addAdmin(db, devAdminEmail, "ru");
  console.log(`[qoldau] dev admin: sign in as ${devAdminEmail}; the link arrives in the dev mailbox (/ru/dev/mailbox)`);
  return true;
}
