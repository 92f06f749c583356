/**
 * Test helper (run by crash.int.test.ts in a child process): signs the given addresses, prints them once
 * every signature is acknowledged, then kills itself with SIGKILL — no mail sender ran, nothing was flushed
 * or closed on purpose. argv: <databaseUrl | pglite:dir> <email>...
 */
import { openDatabase } from "@/db";
import { configureDataKeys } from "@/lib/security/data-keys";
import { signInputSchema } from "@/lib/validation/signatures";
import { signPetition } from "../sign-petition";

async function main() {
  configureDataKeys(); // DATA_KEY / DATA_INDEX_KEY from the test process (db/testing.ts)
  const [target, ...emails] = process.argv.slice(2);
  const database = await openDatabase(
    target!.startsWith("pglite:") ? { pgliteDir: target!.slice("pglite:".length) } : { databaseUrl: target, max: 2 },
  );
  for (const email of emails) {
    await signPetition({ db: database.db }, "drop-the-charges", signInputSchema.parse({ name: "Crash Test", email, locale: "kk" }));
  }
  process.stdout.write(`SIGNED ${emails.length}\n`, () => process.kill(process.pid, "SIGKILL"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
