import { env } from "@/lib/env";
import { getDatabase } from "@/db";

export async function startServer(): Promise<void> {
  try {
    env();
    await getDatabase();
  } catch (error) {
    console.error(`[qoldau] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
