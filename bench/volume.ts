import type { Db } from "../lib/db";

export type Volume = { teams: number; incidentsPerTeam: number; eventsPerIncident: number; bigIncidentEvents: number; tasksPerIncident: number };

export const BENCH_VOLUME: Volume = { teams: 20, incidentsPerTeam: 5_000, eventsPerIncident: 10, bigIncidentEvents: 500, tasksPerIncident: 5 };

const WORDS = [
  "database", "latency", "timeout", "deploy", "queue", "cache", "payment", "login", "report", "index",
  "memory", "disk", "network", "certificate", "dns", "replica", "failover", "throttle", "checkout", "search",
  "upload", "email", "webhook", "cron", "migration", "kafka", "redis", "nginx", "kubernetes", "node",
  "pool", "connection", "lock", "deadlock", "query", "scan", "backup", "restore", "storage", "bucket",
  "api", "gateway", "auth", "token", "session", "billing", "invoice", "export", "import", "analytics",
];

/**
 * Fills the database with a synthetic incident history in a few large INSERT … SELECT statements
 * (generate_series), so 100 000 incidents and 1 000 000 events take minutes, not hours. Every team
 * and row id starts with "vol-", so a volume can live beside real data. Returns the teams' ids.
 */
export async function seedVolume(prisma: Db, volume: Volume): Promise<{ teamIds: string[]; bigIncidentId: string }> {
  const { teams, incidentsPerTeam: per, eventsPerIncident: events } = volume;
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]`;
  const word = (expr: string) => `(${words})[1 + ((${expr}) % ${WORDS.length})]`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "User" (id, email, name, "updatedAt")
    SELECT 'vol-user-' || u, 'vol-' || u || '@volume.test', 'Volume User ' || u, now() FROM generate_series(1, ${teams * 5}) u
    ON CONFLICT DO NOTHING`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Team" (id, slug, name, "timeZone", "incidentSeq", "updatedAt")
    SELECT 'vol-team-' || t, 'vol-team-' || t, 'Volume Team ' || t, 'Europe/Berlin', ${per}, now() FROM generate_series(1, ${teams}) t`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Membership" (id, "teamId", "userId", role, "updatedAt")
    SELECT 'vol-m-' || t || '-' || k, 'vol-team-' || t, 'vol-user-' || ((t - 1) * 5 + k), CASE WHEN k = 1 THEN 'OWNER' ELSE 'MEMBER' END::"Role", now()
    FROM generate_series(1, ${teams}) t, generate_series(1, 5) k`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Service" (id, "teamId", name)
    SELECT 'vol-s-' || t || '-' || k, 'vol-team-' || t, ${word("k * 3")} || '-svc-' || k FROM generate_series(1, ${teams}) t, generate_series(1, 10) k`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Incident" (id, "teamId", number, title, summary, status, severity, "timeZone", "commanderId", impact,
                            "startedAt", "detectedAt", "resolvedAt", "lastActivityAt", "createdAt", "updatedAt")
    SELECT 'vol-i-' || t || '-' || n, 'vol-team-' || t, n,
           initcap(${word("n * 7")}) || ' ' || ${word("n * 13 + t")} || ' ' || ${word("n / 3")} || ' incident ' || n,
           'Users saw ' || ${word("n * 17")} || ' errors while ' || ${word("n * 19")} || ' was degraded.',
           (ARRAY['INVESTIGATING','IDENTIFIED','MONITORING','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED'])[1 + (n % 8)]::"IncidentStatus",
           (ARRAY['SEV1','SEV2','SEV3','SEV3','SEV4'])[1 + (n % 5)]::"Severity",
           'Europe/Berlin', 'vol-user-' || ((t - 1) * 5 + 1 + (n % 5)),
           'About ' || (n % 100) || '% of users affected.',
           ts, ts + interval '4 minutes', CASE WHEN n % 8 >= 3 THEN ts + interval '3 hours' END, ts + interval '3 hours', ts, ts
    FROM generate_series(1, ${teams}) t, generate_series(1, ${per}) n,
         LATERAL (SELECT timestamptz '2020-01-01' + (n * interval '30 minutes') + (t * interval '1 minute') AS ts) x`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "IncidentService" ("incidentId", "serviceId")
    SELECT 'vol-i-' || t || '-' || n, 'vol-s-' || t || '-' || (1 + n % 10) FROM generate_series(1, ${teams}) t, generate_series(1, ${per}) n`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "TimelineEvent" (id, "teamId", "incidentId", "occurredAt", kind, body, source, "authorId", "createdAt", "updatedAt")
    SELECT i.id || '-e' || k, i."teamId", i.id, i."startedAt" + k * interval '7 minutes',
           (ARRAY['DETECTION','ACTION','INVESTIGATION','DEAD_END','ESCALATION','MITIGATION','RESOLUTION','COMMUNICATION','NOTE'])[1 + (k % 9)]::"TimelineKind",
           'Checked ' || ${word("k * 11 + i.number")} || ' and ' || ${word("k * 23 + i.number * 3")} || ' on host ' || (i.number % 97) || '.',
           'USER', i."commanderId", i."startedAt", i."startedAt"
    FROM "Incident" i, generate_series(1, ${events}) k
    WHERE i.id LIKE 'vol-i-%'`);
  const bigIncidentId = "vol-i-1-1";
  await prisma.$executeRawUnsafe(`
    INSERT INTO "TimelineEvent" (id, "teamId", "incidentId", "occurredAt", kind, body, source, "authorId", "createdAt", "updatedAt")
    SELECT '${bigIncidentId}-big' || k, 'vol-team-1', '${bigIncidentId}', timestamptz '2020-01-01' + k * interval '1 minute', 'NOTE',
           'Long incident note ' || k || ': ' || ${word("k")} || '.', 'USER', 'vol-user-1', now(), now()
    FROM generate_series(1, ${volume.bigIncidentEvents}) k`);
  await seedVolumeTasks(prisma, volume);
  for (const table of ["Incident", "TimelineEvent", "IncidentService", "Service", "Membership", "User", "Task"]) {
    await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
  }
  return { teamIds: Array.from({ length: teams }, (_, i) => `vol-team-${i + 1}`), bigIncidentId };
}

/** The tasks part of a volume (also run on its own to add tasks to an existing bench database). */
export async function seedVolumeTasks(prisma: Db, volume: Volume): Promise<void> {
  // A mix of types and statuses, most closed, owners spread over the team, due dates around 2020–2021.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Task" (id, "teamId", "incidentId", title, type, priority, status, "ownerId", "dueDate", "createdAt", "updatedAt")
    SELECT i.id || '-t' || k, i."teamId", i.id, 'Follow-up ' || k || ' for incident ' || i.number,
           (ARRAY['CORRECTIVE','PREVENTIVE','DETECTIVE','MITIGATING','PROCESS'])[1 + (k % 5)]::"TaskType",
           (ARRAY['P0','P1','P2','P3'])[1 + ((i.number + k) % 4)]::"TaskPriority",
           (ARRAY['DONE','DONE','DONE','WONT_DO','OPEN','IN_PROGRESS','BLOCKED','DONE'])[1 + ((i.number * 7 + k) % 8)]::"TaskStatus",
           'vol-user-' || ((substring(i."teamId" from 10)::int - 1) * 5 + 1 + ((i.number + k) % 5)),
           (date '2020-01-01' + ((i.number * 3 + k * 11) % 900))::date, i."startedAt", i."startedAt"
    FROM "Incident" i, generate_series(1, ${volume.tasksPerIncident}) k
    WHERE i.id LIKE 'vol-i-%'`);
  await prisma.$executeRawUnsafe(`ANALYZE "Task"`);
}
