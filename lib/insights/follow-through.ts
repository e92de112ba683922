import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TaskType } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/tasks/schema";
import { taskIncidentFilterSql, teamIn, type Scope } from "@/lib/insights/scope";

export type TaskRef = { teamId: string; id: string; title: string; number: number };

export type FollowThrough = {
  /** Corrective and preventive tasks due in the period, up to yesterday (a task due today is not late yet). */
  dueInPeriod: { type: TaskType; onTime: number; late: number; notDone: number; wontDo: number }[];
  /** Open tasks past their due date now, by days overdue: 1–7, 8–30, 31–90, over 90. */
  overdueByAge: { bucket: OverdueBucket; n: number; refs: TaskRef[] }[];
  /** Tasks finished in the period: how many had a check to verify, and how many were verified. */
  verification: { done: number; withCheck: number; verified: number };
  openByType: { type: TaskType; n: number }[];
  openByOwner: { ownerId: string | null; owner: string | null; n: number }[];
};

export const OVERDUE_BUCKETS = ["1–7 days", "8–30 days", "31–90 days", "over 90 days"] as const;
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number];

/** Written out so the planner sees the partial open-task indexes' predicate (see lib/tasks/queries.ts). */
const OPEN = Prisma.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** A DONE task is on time when the team's calendar day it was completed on is not after its due date. */
export async function followThrough(scope: Scope): Promise<FollowThrough> {
  const { period, timeZone } = scope;
  const today = Prisma.sql`${period.today}::date`;
  const filters = taskIncidentFilterSql(scope);
  const [due, overdue, verification, open] = await Promise.all([
    db().$queryRaw<{ type: TaskType; onTime: number; late: number; notDone: number; wontDo: number }[]>`
      SELECT t.type,
             count(*) FILTER (WHERE t.status = 'DONE' AND (t."completedAt" AT TIME ZONE ${timeZone})::date <= t."dueDate")::int AS "onTime",
             count(*) FILTER (WHERE t.status = 'DONE' AND ((t."completedAt" AT TIME ZONE ${timeZone})::date > t."dueDate" OR t."completedAt" IS NULL))::int AS late,
             count(*) FILTER (WHERE t.status IN ${OPEN})::int AS "notDone",
             count(*) FILTER (WHERE t.status = 'WONT_DO')::int AS "wontDo"
        FROM "Task" t
       WHERE ${teamIn(scope, Prisma.sql`t."teamId"`)} AND t.type IN ('CORRECTIVE', 'PREVENTIVE')
         AND t."dueDate" >= ${period.fromDay}::date AND t."dueDate" <= ${period.toDay}::date AND t."dueDate" < ${today} ${filters}
       GROUP BY t.type ORDER BY t.type`,
    db().$queryRaw<{ bucket: OverdueBucket; n: number; refs: TaskRef[] }[]>`
      SELECT o.bucket, count(*)::int AS n,
             COALESCE(json_agg(json_build_object('teamId', o."teamId", 'id', o.id, 'title', o.title,
                                                 'number', (SELECT n.number FROM "Incident" n WHERE n.id = o."incidentId"))
                               ORDER BY o."dueDate", o.id) FILTER (WHERE o.rank <= 8), '[]'::json) AS refs
        FROM (SELECT b.*, row_number() OVER (PARTITION BY b.bucket ORDER BY b."dueDate", b.id) AS rank
                FROM (SELECT t.id, t."teamId", t.title, t."dueDate", t."incidentId",
                             CASE WHEN ${today} - t."dueDate" <= 7 THEN ${OVERDUE_BUCKETS[0]} WHEN ${today} - t."dueDate" <= 30 THEN ${OVERDUE_BUCKETS[1]}
                                  WHEN ${today} - t."dueDate" <= 90 THEN ${OVERDUE_BUCKETS[2]} ELSE ${OVERDUE_BUCKETS[3]} END AS bucket
                        FROM "Task" t
                       WHERE ${teamIn(scope, Prisma.sql`t."teamId"`)} AND t.status IN ${OPEN} AND t."dueDate" < ${today} ${filters}) b) o
       GROUP BY o.bucket`,
    db().$queryRaw<FollowThrough["verification"][]>`
      SELECT count(*)::int AS done, count(*) FILTER (WHERE t."verificationCriteria" <> '')::int AS "withCheck",
             count(*) FILTER (WHERE t."verifiedAt" IS NOT NULL)::int AS verified
        FROM "Task" t
       WHERE ${teamIn(scope, Prisma.sql`t."teamId"`)} AND t."completedAt" >= ${period.from} AND t."completedAt" < ${period.to}
         AND t.status = 'DONE' ${filters}`,
    db().$queryRaw<{ type: TaskType | null; ownerId: string | null; owner: string | null; byType: number; n: number }[]>`
      SELECT t.type, t."ownerId", min(u.name) AS owner, GROUPING(t.type)::int AS "byType", count(*)::int AS n
        FROM "Task" t LEFT JOIN "User" u ON u.id = t."ownerId"
       WHERE ${teamIn(scope, Prisma.sql`t."teamId"`)} AND t.status IN ${OPEN} ${filters}
       GROUP BY GROUPING SETS ((t.type), (t."ownerId"))
       ORDER BY n DESC, owner`,
  ]);
  return {
    dueInPeriod: due,
    overdueByAge: OVERDUE_BUCKETS.map((bucket) => overdue.find((r) => r.bucket === bucket) ?? { bucket, n: 0, refs: [] }),
    verification: verification[0] ?? { done: 0, withCheck: 0, verified: 0 },
    openByType: open.filter((r) => r.byType === 0 && r.type).map((r) => ({ type: r.type as TaskType, n: r.n })),
    openByOwner: open.filter((r) => r.byType === 1).map((r) => ({ ownerId: r.ownerId, owner: r.owner, n: r.n })),
  };
}
