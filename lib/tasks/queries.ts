import { Temporal } from "temporal-polyfill";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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
 * Keyset on (dueDate ASC NULLS LAST, id): the order of the (…, status, dueDate, id) indexes.
 * Tasks without a date come last; the cursor says "none" once it is among them.
 */
function afterCursor(cursor: Cursor | null): Prisma.TaskWhereInput {
  if (!cursor) return {};
  if (cursor.at === NO_DUE) return { dueDate: null, id: { gt: cursor.id } };
  const at = day(cursor.at.slice(0, 10));
  return { OR: [{ dueDate: { gt: at } }, { dueDate: at, id: { gt: cursor.id } }, { dueDate: null }] };
}

const cursorOf = (row: { dueDate: Date | null; id: string }): Cursor => ({ at: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : NO_DUE, id: row.id });

function dueWhere(bucket: TaskFilters["due"], today: string): Prisma.TaskWhereInput {
  const weekEnd = Temporal.PlainDate.from(today).add({ days: 7 }).toString();
  switch (bucket) {
    case "overdue":
      return { dueDate: { lt: day(today) } };
    case "week":
      return { dueDate: { gte: day(today), lte: day(weekEnd) } };
    case "later":
      return { dueDate: { gt: day(weekEnd) } };
    case "none":
      return { dueDate: null };
    default:
      return {};
  }
}

/** The team's task board: filters by status, type, owner, incident and due bucket; keyset-paginated. */
export async function listTeamTasks(actor: Actor, teamId: string, filters: TaskFilters, teamTimeZone: string) {
  authorize(actor, "incident.read", { teamId });
  const today = todayIn(teamTimeZone);
  const incident = filters.incident ? await db().incident.findUnique({ where: { teamId_number: { teamId, number: filters.incident } }, select: { id: true } }) : null;
  const where: Prisma.TaskWhereInput = {
    AND: [
      { teamId, status: { in: filters.status.length ? filters.status : [...OPEN_STATUSES] } },
      filters.type.length ? { type: { in: filters.type } } : {},
      filters.owner ? { ownerId: filters.owner === "none" ? null : filters.owner } : {},
      filters.incident ? { incidentId: incident?.id ?? "none" } : {},
      dueWhere(filters.due, today),
      afterCursor(decodeCursor(filters.after)),
    ],
  };
  const rows = await db().task.findMany({ where, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }], take: TASK_PAGE_SIZE + 1, select: listSelect });
  return { ...toPage(rows, TASK_PAGE_SIZE, cursorOf), today };
}

/** Everything assigned to the user that is still open, in every team they still belong to. */
export async function listMyTasks(userId: string, rawCursor?: string | null) {
  const rows = await db().task.findMany({
    where: {
      AND: [
        { ownerId: userId, status: { in: [...OPEN_STATUSES] }, team: { memberships: { some: { userId } } } },
        afterCursor(decodeCursor(rawCursor)),
      ],
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: TASK_PAGE_SIZE + 1,
    select: { ...listSelect, team: { select: { slug: true, name: true, timeZone: true } } },
  });
  return toPage(rows, TASK_PAGE_SIZE, cursorOf);
}

/** Open tasks whose due day has passed in the team's zone; shown next to "Tasks" in the navigation. */
export async function overdueCount(actor: Actor, teamId: string, teamTimeZone: string): Promise<number> {
  authorize(actor, "incident.read", { teamId });
  return db().task.count({ where: { teamId, status: { in: [...OPEN_STATUSES] }, dueDate: { lt: day(todayIn(teamTimeZone)) } } });
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
