/** Runs a CLI's main(): on failure prints what failed and why (drizzle wraps the driver's error in `cause`). */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`[qoldau] ${name} failed: ${describeError(error)}`);
    process.exit(1);
  });
}

function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? e.message.trim() : String(e));
  }
  return parts.join("\n  caused by: ");
}
