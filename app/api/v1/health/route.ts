/** Liveness for load balancers: answers without touching the database (also the framework's own floor in bench/). */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
