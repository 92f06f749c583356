/**
 * Runs once when a server process starts: validate the environment (refuse to start on bad config),
 * open the database (on the embedded default: migrate and seed), start the in-process job worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
