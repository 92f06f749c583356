import { getDb } from "@/db";
import { type Health, checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** One check per process per second at most, however often anyone asks: this URL is public. */
let last: { at: number; health: Promise<Health> } | undefined;

/** Readiness: 200 when this process can serve (its database answers), 503 when not; says if jobs are behind. */
export async function GET() {
  if (!last || Date.now() - last.at >= 1_000) {
    last = { at: Date.now(), health: getDb().then(checkHealth, (): Health => ({ status: "unavailable", database: "unavailable", jobs: { status: "unknown", oldestWaitingSeconds: null } })) };
  }
  const health = await last.health;
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
