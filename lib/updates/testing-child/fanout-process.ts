/**
 * Test helper (run by lib/updates/updates.int.test.ts in a child process, to be killed with SIGKILL):
 *   <target> <pageSize>   runs the updates fan-out and a mail sender, printing PAGE after each committed page
 * <target>: a PostgreSQL URL or pglite:<dir>.
 */
import { openDatabase } from "@/db";
import { configureDataKeys } from "@/lib/security/data-keys";
import { startMailSender } from "@/lib/email/sender";
import { startUpdateFanout } from "@/lib/updates/fan-out";

async function main() {
  configureDataKeys(); // DATA_KEY / DATA_INDEX_KEY from the test process (db/testing.ts)
  const [target, pageSize] = process.argv.slice(2);
  const database = await openDatabase(target!.startsWith("pglite:") ? { pgliteDir: target!.slice("pglite:".length) } : { databaseUrl: target, max: 4 });
  startMailSender(database.db, { leaseMs: 2000, maxRps: 2, idleMs: 50 });
  startUpdateFanout(database.db, { pageSize: Number(pageSize), leaseMs: 2000, idleMs: 50, onPage: () => process.stdout.write("PAGE\n") });
  process.stdout.write("RUNNING\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
