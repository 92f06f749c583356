/**
 * Test helper (run by lib/email/sender.int.test.ts in a child process, to be killed with SIGKILL):
 *   send <target> <leaseMs> <maxRps>      runs a mail sender until killed
 *   request <target> <organizerEmail> <adminId> <adminEmail> <inviteEmail>
 *                                        asks for a sign-in link and invites someone, prints REQUESTED, dies
 * <target>: a PostgreSQL URL or pglite:<dir>.
 */
import { openDatabase } from "@/db";
import { configureDataKeys } from "@/lib/security/data-keys";
import { requestSignInLink } from "@/lib/auth/send-sign-in-link";
import { startMailSender } from "@/lib/email/sender";
import { inviteUser } from "@/lib/organizers/invite-user";

async function main() {
  configureDataKeys(); // DATA_KEY / DATA_INDEX_KEY from the test process (db/testing.ts)
  const [mode, target, ...args] = process.argv.slice(2);
  const database = await openDatabase(
    target!.startsWith("pglite:") ? { pgliteDir: target!.slice("pglite:".length) } : { databaseUrl: target, max: 4 },
  );
  if (mode === "send") {
    startMailSender(database.db, { leaseMs: Number(args[0]), maxRps: Number(args[1]), idleMs: 50 });
    process.stdout.write("SENDING\n");
    return; // until killed
  }
  const [organizer, adminId, adminEmail, invitee] = args;
  const token = `crash-token-${Date.now()}-0123456789abcdef`;
  await requestSignInLink(database.db, {
    email: organizer!,
    token,
    authUrl: "http://qoldau.test/api/auth/callback/email?callbackUrl=%2Fen%2Fdashboard",
    expires: new Date(Date.now() + 3_600_000),
  });
  await inviteUser(database.db, { userId: adminId!, email: adminEmail!, role: "admin" }, { email: invitee!, role: "admin", campaignId: null, locale: "kk" });
  process.stdout.write("REQUESTED\n", () => process.kill(process.pid, "SIGKILL"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
