export const dynamic = "force-dynamic";

/** Liveness for load balancers and orchestrators: the process answers. Touches no database, so a database outage never gets a healthy process restarted. */
export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } });
}
