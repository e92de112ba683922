import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/tasks/schema";
import { scopedIncidentsSql, teamIn, type Scope } from "@/lib/insights/scope";

/** Two incidents on one service at most this far apart make it a repeat. */
export const REPEAT_WINDOW_DAYS = 90;
/** Services listed, most repeats first; incidents and tasks listed per service. */
const SERVICES_SHOWN = 20;
const PER_SERVICE = 10;

export type RepeatIncident = { number: number; title: string; severity: Severity; startedAt: string; postmortemStatus: PostmortemStatus | null };
export type RepeatService = {
  serviceId: string;
  teamId: string;
  service: string;
  /** Incidents in the period that followed another on the service within REPEAT_WINDOW_DAYS. */
  repeats: number;
  incidents: RepeatIncident[];
  /** The first PER_SERVICE open corrective tasks, soonest due first, and how many there are. */
  openCorrective: { id: string; title: string; number: number; dueDate: string | null }[];
  openCorrectiveTotal: number;
};

/**
 * Services hit again within 90 days of an earlier incident, with their incidents (the earlier
 * ones too, back to 90 days before the period) and their open corrective tasks.
 */
export async function repeatIncidents(scope: Scope): Promise<RepeatService[]> {
  const lookBack = new Date(scope.period.from.getTime() - REPEAT_WINDOW_DAYS * 86_400_000);
  const services = await db().$queryRaw<Omit<RepeatService, "openCorrective" | "openCorrectiveTotal">[]>`
    WITH f AS (${scopedIncidentsSql(scope, lookBack)}),
    s AS (SELECT x."serviceId", f.id, f.number, f.title, f.severity, f."startedAt",
                 lag(f."startedAt") OVER (PARTITION BY x."serviceId" ORDER BY f."startedAt", f.id) AS "previousAt"
            FROM f CROSS JOIN LATERAL (SELECT x."serviceId" FROM "IncidentService" x WHERE x."incidentId" = f.id OFFSET 0) x),
    r AS (SELECT s."serviceId", count(*)::int AS repeats FROM s
           WHERE s."startedAt" >= ${scope.period.from} AND s."previousAt" >= s."startedAt" - make_interval(hours => ${REPEAT_WINDOW_DAYS * 24})
           GROUP BY s."serviceId")
    SELECT r."serviceId", sv."teamId", sv.name AS service, r.repeats,
           (SELECT json_agg(json_build_object('number', l.number, 'title', l.title, 'severity', l.severity, 'startedAt', l."startedAt", 'postmortemStatus', l.status))
              FROM (SELECT s.number, s.title, s.severity, s."startedAt", p.status FROM s LEFT JOIN "Postmortem" p ON p."incidentId" = s.id
                     WHERE s."serviceId" = r."serviceId" ORDER BY s."startedAt" DESC LIMIT ${PER_SERVICE}) l) AS incidents
      FROM r JOIN "Service" sv ON sv.id = r."serviceId"
     ORDER BY r.repeats DESC, sv.name LIMIT ${SERVICES_SHOWN}`;
  if (services.length === 0) return [];
  // From the team's open corrective tasks (an index range) to their services, never from a
  // service through all its incidents; the first PER_SERVICE per service are named, all counted.
  const tasks = await db().$queryRaw<{ serviceId: string; id: string; title: string; number: number; dueDate: string | null; total: number }[]>`
    SELECT o."serviceId", o.id, o.title, o.total, (SELECT n.number FROM "Incident" n WHERE n.id = o."incidentId") AS number,
           to_char(o."dueDate", 'YYYY-MM-DD') AS "dueDate"
      FROM (SELECT x."serviceId", t.id, t.title, t."dueDate", t."incidentId",
                   row_number() OVER (PARTITION BY x."serviceId" ORDER BY t."dueDate" ASC NULLS LAST, t.id) AS rank,
                   count(*) OVER (PARTITION BY x."serviceId")::int AS total
              FROM "Task" t
                   CROSS JOIN LATERAL (SELECT x."serviceId" FROM "IncidentService" x
                                        WHERE x."incidentId" = t."incidentId" AND x."serviceId" IN (${Prisma.join(services.map((s) => s.serviceId))}) OFFSET 0) x
             WHERE ${teamIn(scope, Prisma.sql`t."teamId"`)} AND t.type = 'CORRECTIVE'
               AND t.status IN ${Prisma.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`)}) o
     WHERE o.rank <= ${PER_SERVICE}
     ORDER BY o."serviceId", o.rank`;
  return services.map((s) => {
    const mine = tasks.filter((t) => t.serviceId === s.serviceId);
    return { ...s, openCorrectiveTotal: mine[0]?.total ?? 0, openCorrective: mine.map((t) => ({ id: t.id, title: t.title, number: t.number, dueDate: t.dueDate })) };
  });
}
