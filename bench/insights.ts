/**
 * Insights server time per panel and for the whole page on 100 000 incidents, 1 000 000 timeline
 * events and 500 000 tasks (20 teams), spread over the year before NOW with every key moment,
 * origin, postmortem state and task outcome. Usage: `BENCH_DATABASE_URL=… npx tsx bench/insights.ts`
 * against an empty, migrated database (filled on first run and reused after). Never part of `npm test`.
 */
import { createPrismaClient, type Db } from "../lib/db";
import { BENCH_VOLUME, seedVolume } from "./volume";
import { measure, printTimings } from "./measure";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to an empty, migrated database (npm run db:migrate with DATABASE_URL set to it).");
  process.exit(1);
}
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { teamInsights, teamScope, crossTeamInsights, PANELS } = await import("../lib/insights/queries");
const { insightsFiltersSchema } = await import("../lib/insights/schema");
const { db } = await import("../lib/db");

const NOW = new Date("2026-06-01T12:00:00Z");

/**
 * The shared volume is three months of 2020 with few moments; Insights needs a year up to NOW
 * with acknowledgements, mitigations, origins, postmortems and tasks done early and late.
 */
async function shapeForInsights(admin: Db) {
  await admin.$executeRawUnsafe(`
    UPDATE "Incident" i SET
      "startedAt" = x.s,
      "detectedAt" = CASE WHEN i.number % 11 <> 0 THEN x.s + (i.number % 23) * interval '1 minute' END,
      "acknowledgedAt" = CASE WHEN i.number % 7 <> 0 THEN x.s + (i.number % 41 + 2) * interval '1 minute' END,
      "mitigatedAt" = CASE WHEN i.number % 9 <> 0 THEN x.s + (i.number % 300 + 20) * interval '1 minute' END,
      "resolvedAt" = CASE WHEN i.status = 'RESOLVED' THEN x.s + (i.number % 2000 + 60) * interval '1 minute' END,
      origin = (ARRAY['MANUAL','ALERT','ALERT','API'])[1 + i.number % 4]::"IncidentOrigin"
    FROM (SELECT id, timestamptz '2026-06-01' - (substring(id from '[0-9]+$')::int * interval '105 minutes') - (substring(id from 'vol-i-([0-9]+)')::int * interval '1 minute') AS s
            FROM "Incident" WHERE id LIKE 'vol-i-%') x
    WHERE x.id = i.id`);
  await admin.$executeRawUnsafe(`
    UPDATE "Task" t SET "dueDate" = (i."startedAt" + (t.occurrence * 3 + (i.number % 40)) * interval '1 day')::date,
      "completedAt" = CASE WHEN t.status = 'DONE' THEN i."startedAt" + (i.number % 60) * interval '1 day' END,
      "verifiedAt" = CASE WHEN t.status = 'DONE' AND i.number % 3 = 0 THEN i."startedAt" + (i.number % 60 + 1) * interval '1 day' END,
      "verificationCriteria" = CASE WHEN i.number % 2 = 0 THEN 'Checked in staging' ELSE '' END
    FROM "Incident" i WHERE i.id = t."incidentId" AND t.id LIKE 'vol-i-%'`);
  await admin.$executeRawUnsafe(`
    INSERT INTO "Postmortem" (id, "teamId", "incidentId", title, status, "templateName", ydoc, content, markdown, "contentHash", "updatedAt")
    SELECT 'vol-pm-' || i.id, i."teamId", i.id, 'Postmortem', (ARRAY['DRAFT','IN_REVIEW','APPROVED','PUBLISHED'])[1 + i.number % 4]::"PostmortemStatus",
           'basic', '\\x00', '{}', '', 'h', now()
      FROM "Incident" i WHERE i.id LIKE 'vol-i-%' AND i."resolvedAt" IS NOT NULL AND (i.severity IN ('SEV1', 'SEV2') OR i.number % 5 = 0)`);
  await admin.$executeRawUnsafe(`
    INSERT INTO "AuditEvent" (id, "teamId", action, "targetType", "targetId", data, "createdAt")
    SELECT 'vol-a-' || p.id, p."teamId", 'postmortem.status_changed', 'postmortem', p.id, '{"from":"IN_REVIEW","to":"APPROVED"}',
           i."resolvedAt" + (i.number % 20 + 1) * interval '1 day'
      FROM "Postmortem" p JOIN "Incident" i ON i.id = p."incidentId" WHERE p.id LIKE 'vol-pm-%' AND p.status IN ('APPROVED', 'PUBLISHED')`);
  await admin.$executeRawUnsafe(`
    INSERT INTO "Publication" (id, "teamId", "postmortemId", slug, "updatedAt")
    SELECT 'vol-pub-' || p.id, p."teamId", p.id, 'vol-slug-' || p.id, now() FROM "Postmortem" p WHERE p.id LIKE 'vol-pm-%' AND p.status = 'PUBLISHED'`);
  await admin.$executeRawUnsafe(`
    INSERT INTO "PublicEdition" (id, "publicationId", "postmortemId", "teamId", number, title, body, "contentVersion", "contentHash", "publishedAt")
    SELECT 'vol-ed-' || p.id, 'vol-pub-' || p.id, p.id, p."teamId", 1, 'Edition', '{}', 1, 'h', i."resolvedAt" + (i.number % 20 + 3) * interval '1 day'
      FROM "Postmortem" p JOIN "Incident" i ON i.id = p."incidentId" WHERE p.id LIKE 'vol-pm-%' AND p.status = 'PUBLISHED'`);
}

const admin = createPrismaClient(url, 2);
if ((await admin.incident.count({ where: { teamId: { startsWith: "vol-team-" } } })) === 0) {
  const started = Date.now();
  await seedVolume(admin, BENCH_VOLUME);
  console.log(`Seeded the volume in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if ((await admin.postmortem.count({ where: { id: { startsWith: "vol-pm-" } } })) === 0) {
  const started = Date.now();
  await shapeForInsights(admin);
  // Autovacuum is off on the bench machine: without this the planner sees stale statistics and the visibility map is empty.
  for (const table of ["Incident", "IncidentService", "Service", "Task", "TimelineEvent", "Postmortem", "AuditEvent", "Publication", "PublicEdition"]) {
    await admin.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
  }
  console.log(`Shaped for Insights and VACUUM ANALYZEd in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const counts = await admin.$queryRaw<{ incidents: number; events: number; tasks: number }[]>`
  SELECT (SELECT count(*)::int FROM "Incident") AS incidents, (SELECT count(*)::int FROM "TimelineEvent") AS events, (SELECT count(*)::int FROM "Task") AS tasks`;
console.log(counts[0]);

const teamRef = { id: "vol-team-7", slug: "vol-team-7", name: "Volume Team 7", timeZone: "Europe/Berlin" };
const actor = { userId: "vol-user-31", teamId: teamRef.id, role: "OWNER" as const };
const [aService] = await admin.$queryRaw<{ name: string }[]>`SELECT name FROM "Service" WHERE "teamId" = ${teamRef.id} ORDER BY name LIMIT 1`;
const runs = Number(process.env.BENCH_RUNS ?? 30);

for (const period of ["90", "365"] as const) {
  const filters = insightsFiltersSchema.parse({ period });
  const scope = teamScope(actor, teamRef, filters, NOW);
  const timings = [];
  for (const [name, panel] of Object.entries(PANELS)) timings.push(await measure(`panel: ${name}`, () => panel(scope), runs));
  timings.push(await measure("whole page (panels in parallel)", () => teamInsights(actor, teamRef, filters, NOW), runs));
  timings.push(await measure("whole page, filtered (SEV1–2, one service)", () => teamInsights(actor, teamRef, insightsFiltersSchema.parse({ period, severity: ["SEV1", "SEV2"], service: aService?.name }), NOW), runs));
  timings.push(await measure("cross-team view (user in 1 team)", () => crossTeamInsights("vol-user-31", filters, NOW), runs));
  printTimings(`Insights server time, last ${period} days (in-process, 2-core machine shared with other work)`, timings);
}
await admin.$disconnect();
await db().$disconnect();
