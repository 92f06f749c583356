/** One app process's mail sender, for bench/mail/run.ts: argv <databaseUrl>; RESEND_* from the environment. */
import { openDatabase } from "@/db";
import { startMailSender } from "@/lib/email/sender";
import { configureDataKeys } from "@/lib/security/data-keys";

async function main() {
  configureDataKeys(); // DATA_KEY / DATA_INDEX_KEY from bench/mail/run.ts (bench/support.ts via db/testing.ts)
  const database = await openDatabase({ databaseUrl: process.argv[2]!, max: 10 });
  const sender = startMailSender(database.db);
  process.stdout.write("SENDING\n");
  process.once("SIGTERM", () => void sender.stop().then(() => database.close()).then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
