import { Temporal } from "temporal-polyfill";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage, type Cursor } from "@/lib/pagination";
import { OPEN_STATUSES, type TaskFilters } from "@/lib/tasks/schema";
import { todayIn } from "@/lib/tasks/rules";

export const TASK_PAGE_SIZE = 30;
const NO_DUE = "none";

const listSelect = {
  id: true,
  title: true,
  type: true,
  priority: true,
  status: true,
  dueDate: true,
  completedAt: true,
  verificationCriteria: true,
  recurrenceEvery: true,
  recurrenceUnit: true,
  occurrence: true,
  version: true,
  owner: { select: { id: true, name: true } },
  incident: { select: { number: true, title: true } },
} satisfies Prisma.TaskSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof listSelect }>;

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

/**
 * Written out (not bound) so the planner sees it implies the partial open-task indexes' predicate:
 * those indexes hold only open tasks, in due order, for the board, My tasks and the overdue badge.
 */
const OPEN = Prisma.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** The navigation's badge shows "99+" past this: counting every overdue task would only cost time. */
export const OVERDUE_BADGE_CAP = 100;

/**
 * The capped overdue count as a subquery. The ORDER BY is the partial index's order: without it
 * the planner may pick a sequential scan that "soon" finds 100 rows, and reads the whole table
 * for a team with few overdue tasks. For the team pages' shell statement (lib/teams/actor.ts).
 */
export const overdueCountSql = (teamId: Prisma.Sql, today: Prisma.Sql) => Prisma.sql`(SELECT count(*)::int FROM (
  SELECT 1 FROM "Task" WHERE "teamId" = ${teamId} AND status IN ${OPEN} AND "dueDate" < ${today}
   ORDER BY "dueDate" LIMIT ${OVERDUE_BADGE_CAP}) overdue)`;

/** One statement for a page of tasks with their owners and incidents (and teams for My tasks). */
const listColumns = Prisma.sql`t.id, t.title, t.type, t.priority, t.status, t."dueDate", t."completedAt", t."verificationCriteria",
  t."recurrenceEvery", t."recurrenceUnit", t.occurrence, t.version,
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END AS owner,
  json_build_object('number', i.number, 'title', i.title) AS incident`;
const listJoins = Prisma.sql`LEFT JOIN "User" o ON o.id = t."ownerId" JOIN "Incident" i ON i.id = t."incidentId"`;
// ASC NULLS LAST is the btree's own order, so the (…, dueDate, id) indexes supply it.
const listOrder = Prisma.sql`ORDER BY t."dueDate" ASC NULLS LAST, t.id ASC LIMIT ${TASK_PAGE_SIZE + 1}`;

/**
 * Keyset on (dueDate ASC NULLS LAST, id): the order of the (…, dueDate, id) indexes.
 * Tasks without a date come last; the cursor says "none" once it is among them.
 */
function afterCursor(cursor: Cursor | null): Prisma.Sql | null {
  if (!cursor) return null;
  if (cursor.at === NO_DUE) return Prisma.sql`(t."dueDate" IS NULL AND t.id > ${cursor.id})`;
  const at = cursor.at.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at) || Number.isNaN(day(at).getTime())) return null;
  return Prisma.sql`(t."dueDate" > ${at}::date OR (t."dueDate" = ${at}::date AND t.id > ${cursor.id}) OR t."dueDate" IS NULL)`;
}

const cursorOf = (row: { dueDate: Date | null; id: string }): Cursor => ({ at: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : NO_DUE, id: row.id });

function dueWhere(bucket: TaskFilters["due"], today: string): Prisma.Sql | null {
  const weekEnd = Temporal.PlainDate.from(today).add({ days: 7 }).toString();
  switch (bucket) {
    case "overdue":
      return Prisma.sql`t."dueDate" < ${today}::date`;
    case "week":
      return Prisma.sql`t."dueDate" BETWEEN ${today}::date AND ${weekEnd}::date`;
    case "later":
      return Prisma.sql`t."dueDate" > ${weekEnd}::date`;
    case "none":
      return Prisma.sql`t."dueDate" IS NULL`;
    default:
      return null;
  }
}

/** The team's task board: filters by status, type, owner, incident and due bucket; keyset-paginated. */
export async function listTeamTasks(actor: Actor, teamId: string, filters: TaskFilters, teamTimeZone: string) {
  authorize(actor, "incident.read", { teamId });
  const today = todayIn(teamTimeZone);
  const where = [
    Prisma.sql`t."teamId" = ${teamId}`,
    filters.status.length ? Prisma.sql`t.status = ANY(${filters.status}::"TaskStatus"[])` : Prisma.sql`t.status IN ${OPEN}`,
    filters.type.length ? Prisma.sql`t.type = ANY(${filters.type}::"TaskType"[])` : null,
    filters.owner ? (filters.owner === "none" ? Prisma.sql`t."ownerId" IS NULL` : Prisma.sql`t."ownerId" = ${filters.owner}`) : null,
    filters.incident ? Prisma.sql`t."incidentId" = (SELECT id FROM "Incident" WHERE "teamId" = ${teamId} AND number = ${filters.incident})` : null,
    dueWhere(filters.due, today),
    afterCursor(decodeCursor(filters.after)),
  ].filter((clause): clause is Prisma.Sql => clause !== null);
  const rows = await db().$queryRaw<TaskRow[]>`
    SELECT ${listColumns} FROM "Task" t ${listJoins} WHERE ${Prisma.join(where, " AND ")} ${listOrder}`;
  return { ...toPage(rows, TASK_PAGE_SIZE, cursorOf), today };
}

export type MyTaskRow = TaskRow & { team: { slug: string; name: string; timeZone: string } };

/** Everything assigned to the user that is still open, in every team they still belong to. */
export async function listMyTasks(userId: string, rawCursor?: string | null) {
  const cursor = afterCursor(decodeCursor(rawCursor));
  // The page is picked first, from the owner's open-task index in due order (a membership check per
  // row), and only its rows are joined: otherwise the planner starts from the teams and sorts them all.
  const rows = await db().$queryRaw<MyTaskRow[]>`
    WITH page AS MATERIALIZED (
      SELECT t.id FROM "Task" t
       WHERE t."ownerId" = ${userId} AND t.status IN ${OPEN}
         AND (SELECT true FROM "Membership" m WHERE m."teamId" = t."teamId" AND m."userId" = ${userId})
         ${cursor ? Prisma.sql`AND ${cursor}` : Prisma.empty}
      ${listOrder})
    SELECT ${listColumns}, json_build_object('slug', tm.slug, 'name', tm.name, 'timeZone', tm."timeZone") AS team
      FROM page JOIN "Task" t ON t.id = page.id ${listJoins} JOIN "Team" tm ON tm.id = t."teamId"
     ORDER BY t."dueDate" ASC NULLS LAST, t.id ASC`;
  return toPage(rows, TASK_PAGE_SIZE, cursorOf);
}

/** Open tasks whose due day has passed in the team's zone, up to the badge's cap. */
export async function overdueCount(actor: Actor, teamId: string, teamTimeZone: string): Promise<number> {
  authorize(actor, "incident.read", { teamId });
  const [row] = await db().$queryRaw<{ overdue: number }[]>`SELECT ${overdueCountSql(Prisma.sql`${teamId}`, Prisma.sql`${todayIn(teamTimeZone)}::date`)} AS overdue`;
  return row?.overdue ?? 0;
}

/** An incident's tasks (an incident has tens, not thousands), for its page and progress. */
export async function listIncidentTasks(actor: Actor, teamId: string, incidentId: string) {
  authorize(actor, "incident.read", { teamId });
  return db().task.findMany({ where: { teamId, incidentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500, select: listSelect });
}

export async function getTask(actor: Actor, teamId: string, taskId: string) {
  authorize(actor, "incident.read", { teamId });
  const task = await db().task.findFirst({
    where: { id: taskId, teamId },
    include: {
      owner: { select: { id: true, name: true } },
      verifiedBy: { select: { name: true } },
      createdBy: { select: { name: true } },
      incident: { select: { number: true, title: true, timeZone: true } },
      sourceEvent: { select: { id: true, body: true, occurredAt: true } },
    },
  });
  if (!task) return null;
  const occurrences = task.seriesId
    ? await db().task.findMany({
        where: { teamId, seriesId: task.seriesId },
        orderBy: { occurrence: "asc" },
        take: 200,
        select: { id: true, occurrence: true, status: true, dueDate: true, completedAt: true },
      })
    : [];
  return { ...task, occurrences };
}

export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTask>>>;
