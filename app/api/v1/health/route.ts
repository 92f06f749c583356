/**
 * Liveness: the process answers, without touching the database (also the framework's own floor in bench/).
 * Readiness — the database, the job workers — is GET /api/health.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
