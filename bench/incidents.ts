/**
 * Incident list, search and page timings on 100 000 incidents and 1 000 000 timeline events
 * across 20 teams. Usage: `npx tsx bench/incidents.ts` with BENCH_DATABASE_URL pointing at an
 * empty, migrated database (it is filled on first run and reused after). Never part of `npm test`.
 */
import { createPrismaClient } from "../lib/db";
import { BENCH_VOLUME, seedVolume } from "./volume";
import { measure, printTimings } from "./measure";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to an empty, migrated database (npm run db:migrate with DATABASE_URL set to it).");
  process.exit(1);
}
// The query modules use the app's client; point it at the bench database before they load.
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { listIncidents, getIncident, INCIDENT_PAGE_SIZE } = await import("../lib/incidents/queries");
const { listTimeline } = await import("../lib/timeline/queries");
const { incidentFiltersSchema } = await import("../lib/incidents/schema");
const { encodeCursor } = await import("../lib/pagination");
const { db } = await import("../lib/db");

const admin = createPrismaClient(url, 2);
const existing = await admin.incident.count({ where: { teamId: { startsWith: "vol-team-" } } });
if (existing === 0) {
  console.log(`Seeding ${BENCH_VOLUME.teams * BENCH_VOLUME.incidentsPerTeam} incidents and ${BENCH_VOLUME.teams * BENCH_VOLUME.incidentsPerTeam * BENCH_VOLUME.eventsPerIncident} events…`);
  const started = Date.now();
  await seedVolume(admin, BENCH_VOLUME);
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log(`Reusing ${existing} seeded incidents.`);
}

const team = "vol-team-7";
const actor = { userId: "vol-user-31", teamId: team, role: "OWNER" as const };
const filters = (input: Record<string, unknown> = {}) => incidentFiltersSchema.parse(input);
const [page50] = await admin.$queryRaw<{ startedAt: Date; id: string }[]>`
  SELECT "startedAt", id FROM "Incident" WHERE "teamId" = ${team} ORDER BY "startedAt" DESC, id DESC OFFSET ${49 * INCIDENT_PAGE_SIZE - 1} LIMIT 1`;
const after = encodeCursor({ at: page50!.startedAt.toISOString(), id: page50!.id });
const big = await admin.incident.findUniqueOrThrow({ where: { id: "vol-i-1-1" }, select: { teamId: true, number: true, id: true } });
const bigActor = { userId: "vol-user-1", teamId: big.teamId, role: "OWNER" as const };

const timings = [
  await measure("list, first page", () => listIncidents(actor, team, filters(), "UTC")),
  await measure("list, 50th page (keyset)", () => listIncidents(actor, team, filters({ after }), "UTC")),
  await measure("list, filtered (status + severity + dates)", () => listIncidents(actor, team, filters({ status: ["RESOLVED"], severity: ["SEV2"], from: "2020-01-10", to: "2020-03-01" }), "UTC")),
  await measure("list, filtered by service", () => listIncidents(actor, team, filters({ service: "index-svc-3" }), "UTC")),
  await measure("search, common term", () => listIncidents(actor, team, filters({ q: "database" }), "UTC")),
  await measure("search, rare term (no match)", () => listIncidents(actor, team, filters({ q: "zeppelin" }), "UTC")),
  await measure("incident page, 500 events", () => Promise.all([getIncident(bigActor, big.teamId, big.number), listTimeline(bigActor, big.teamId, big.id)])),
];
printTimings("Server time per query (in-process, one connection pool, 2-core machine)", timings);
await admin.$disconnect();
await db().$disconnect();
