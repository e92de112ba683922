import type { Db } from "../lib/db";
import { BENCH_VOLUME, seedVolume } from "./volume";

/** The team and incidents the incident-page and live benches open (see `seedVolume`). */
export const PAGE_TEAM = "vol-team-1";
export const PAGE_USER = "vol-user-1";
/** Incident 1 has 500 extra events (the volume's big incident); incident 2 gets 5 000. */
export const INCIDENT_500 = { id: "vol-i-1-1", number: 1 };
export const INCIDENT_5000 = { id: "vol-i-1-2", number: 2 };
const HUGE_EVENTS = 5_000;

/**
 * The 100 000-incident bench volume plus one incident with 5 000 events (every 50th starred, every
 * 100th edited once). Idempotent. This PostgreSQL runs with autovacuum off, so the tables are
 * analysed after every seeding step, or the planner would guess from empty statistics.
 */
export async function ensurePageVolume(admin: Db): Promise<void> {
  const existing = await admin.incident.count({ where: { teamId: { startsWith: "vol-team-" } } });
  if (existing === 0) {
    const started = Date.now();
    console.log(`Seeding ${BENCH_VOLUME.teams * BENCH_VOLUME.incidentsPerTeam} incidents…`);
    await seedVolume(admin, BENCH_VOLUME);
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const huge = await admin.timelineEvent.count({ where: { incidentId: INCIDENT_5000.id, id: { contains: "-huge" } } });
  if (huge > 0) return;
  await admin.$executeRawUnsafe(`
    INSERT INTO "TimelineEvent" (id, "teamId", "incidentId", "occurredAt", kind, body, source, "authorId", starred, "createdAt", "updatedAt")
    SELECT '${INCIDENT_5000.id}-huge' || k, '${PAGE_TEAM}', '${INCIDENT_5000.id}', timestamptz '2020-01-01' + k * interval '20 seconds',
           (ARRAY['DETECTION','ACTION','INVESTIGATION','DEAD_END','ESCALATION','MITIGATION','COMMUNICATION','NOTE'])[1 + (k % 8)]::"TimelineKind",
           'Update ' || k || ': checked **replica ' || (k % 17) || '** and the \`pool\` on host ' || (k % 97) || '. See the [runbook](https://example.com/runbook).',
           'USER', 'vol-user-' || (1 + k % 5), k % 50 = 0, timestamptz '2020-01-01' + k * interval '20 seconds', now()
    FROM generate_series(1, ${HUGE_EVENTS}) k`);
  await admin.$executeRawUnsafe(`
    INSERT INTO "TimelineEventRevision" (id, "eventId", "editorId", change, "occurredAt", kind, body, "createdAt")
    SELECT e.id || '-r', e.id, e."authorId", 'edited', e."occurredAt", e.kind, 'An earlier wording.', e."createdAt" + interval '1 minute'
    FROM "TimelineEvent" e WHERE e."incidentId" IN ('${INCIDENT_5000.id}', '${INCIDENT_500.id}') AND right(e.id, 2) = '00'`);
  for (const table of ["TimelineEvent", "TimelineEventRevision", "Incident"]) await admin.$executeRawUnsafe(`ANALYZE "${table}"`);
}
