import path from "node:path";
import { db } from "@/lib/db";
import { collabPort } from "@/lib/collab/port";
import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/** Readiness: this instance should get traffic only while its database answers, its migrations are applied and its collaboration server is up. */
export async function GET() {
  const result = await readiness({
    query: (sql) => db().$queryRawUnsafe<Record<string, unknown>[]>(sql),
    migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
    collabHealthUrl: `http://127.0.0.1:${collabPort()}/healthz`,
  });
  return Response.json(result, { status: result.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
