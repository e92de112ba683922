import { z } from "zod";
import { AppError, notFound } from "@/lib/errors";
import { RecurrenceUnit, TaskPriority, TaskStatus, TaskType } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz";
import { changeTaskStatus, createTask, updateTask } from "@/lib/tasks/mutations";
import { getTask, listTeamTasks, TASK_PAGE_SIZE, type TaskRow } from "@/lib/tasks/queries";
import { changeStatusSchema, createTaskSchema, DUE_BUCKETS, TASK_STATUSES, taskFiltersSchema, updateTaskSchema } from "@/lib/tasks/schema";
import { TASK_TYPES } from "@/lib/tasks/fields";
import { defineEndpoint, type ApiTeam } from "@/lib/api/endpoint";
import { incidentIdOf } from "@/lib/api/resources/incidents";
import { checkCursor, cursorParam, etag, iso, isoOrNull, many, pageOf, person, teamParams, timestamp, versionFrom } from "@/lib/api/resources/common";

const task = z
  .object({
    id: z.string(),
    version: z.number().int().meta({ description: "Send it back as If-Match when updating." }),
    title: z.string(),
    type: z.enum(TaskType),
    priority: z.enum(TaskPriority),
    status: z.enum(TaskStatus),
    dueDate: z.iso.date().nullable(),
    completedAt: timestamp.nullable(),
    verificationCriteria: z.string(),
    recurrenceEvery: z.number().int().nullable(),
    recurrenceUnit: z.enum(RecurrenceUnit).nullable(),
    occurrence: z.number().int(),
    owner: person.nullable(),
    incident: z.object({ number: z.number().int(), title: z.string() }),
  })
  .meta({ id: "Task" });

type TaskFields = Pick<TaskRow, "id" | "version" | "title" | "type" | "priority" | "status" | "dueDate" | "completedAt" | "verificationCriteria" | "recurrenceEvery" | "recurrenceUnit" | "occurrence" | "owner" | "incident">;

const taskOut = (t: TaskFields): z.input<typeof task> => ({
  id: t.id,
  version: t.version,
  title: t.title,
  type: t.type,
  priority: t.priority,
  status: t.status,
  // Due dates are calendar days, stored at UTC midnight.
  dueDate: t.dueDate ? iso(t.dueDate).slice(0, 10) : null,
  completedAt: isoOrNull(t.completedAt),
  verificationCriteria: t.verificationCriteria,
  recurrenceEvery: t.recurrenceEvery,
  recurrenceUnit: t.recurrenceUnit,
  occurrence: t.occurrence,
  owner: t.owner,
  incident: { number: t.incident.number, title: t.incident.title },
});

async function taskResult(actor: Actor, team: ApiTeam, taskId: string, status = 200) {
  const found = await getTask(actor, team.id, taskId);
  if (!found) throw notFound("This task");
  return { status, json: taskOut(found), headers: { ETag: etag(found.version) } };
}

const listQuery = z.object({
  status: many(z.enum(TASK_STATUSES)).meta({ description: "Default: the open statuses (OPEN, IN_PROGRESS, BLOCKED)." }),
  type: many(z.enum(TASK_TYPES)),
  owner: z.string().max(64).optional().meta({ description: "An owner's user id, or `none` for unowned tasks." }),
  incident: z.coerce.number().int().positive().optional().meta({ description: "An incident number." }),
  due: z.enum(DUE_BUCKETS).optional(),
  cursor: cursorParam,
});

export const listTasksEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/tasks",
  operationId: "listTasks",
  tag: "Tasks",
  summary: "List tasks",
  description: `The team's task board in due-date order, ${TASK_PAGE_SIZE} a page, with its filters.`,
  access: "READ",
  params: teamParams,
  query: listQuery,
  response: { status: 200, description: "A page of tasks.", schema: pageOf(task) },
  errors: [400],
  async run({ actor, team, query }) {
    const filters = taskFiltersSchema.parse({ ...query, status: query.status ?? [], type: query.type ?? [], after: checkCursor(query.cursor) });
    const page = await listTeamTasks(actor, team.id, filters, team.timeZone);
    return { json: { data: page.items.map(taskOut), nextCursor: page.nextCursor } };
  },
});

export const createTaskEndpoint = defineEndpoint({
  method: "POST",
  path: "/teams/{team}/incidents/{number}/tasks",
  operationId: "createTask",
  tag: "Tasks",
  summary: "Add a task to an incident",
  access: "WRITE",
  params: teamParams.extend({ number: z.coerce.number().int().positive() }),
  body: createTaskSchema.omit({ teamId: true, incidentId: true }).meta({ id: "NewTask" }),
  example: { title: "Alert on checkout error rate", type: "DETECTIVE", priority: "P1", dueDate: "2026-12-14" },
  response: { status: 201, description: "The new task.", schema: task },
  errors: [400, 403, 413, 415, 422],
  async run({ actor, team, userId, params, input }) {
    const incidentId = await incidentIdOf(actor, team, params.number);
    const created = await createTask(userId, { ...input, teamId: team.id, incidentId });
    return taskResult(actor, team, created.id, 201);
  },
});

const updateBody = updateTaskSchema
  .omit({ teamId: true, taskId: true, version: true })
  .extend({
    version: z.number().int().min(1).optional().meta({ description: "The version you read; or send it as If-Match." }),
    status: changeStatusSchema.shape.status.optional(),
    reason: changeStatusSchema.shape.reason,
  })
  .meta({ id: "TaskChanges" });

export const updateTaskEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/teams/{team}/tasks/{taskId}",
  operationId: "updateTask",
  tag: "Tasks",
  summary: "Update a task",
  description:
    "Changes the fields sent, then the status if sent (WONT_DO and BLOCKED need a `reason`; DONE may wait for verification when the team requires it). Send the version you read as If-Match; if someone saved since, the answer is 409 naming who.",
  access: "WRITE",
  params: teamParams.extend({ taskId: z.string().min(1).max(64) }),
  body: updateBody,
  example: { status: "IN_PROGRESS", ownerId: "" },
  response: { status: 200, description: "The updated task.", schema: task },
  errors: [400, 403, 409, 412, 413, 415, 422],
  async run({ actor, team, userId, params, body, input, headers }) {
    let version = versionFrom(headers, body.version);
    const { status, reason, ...rest } = input;
    const fields = Object.keys(rest).filter((k) => k !== "version");
    if (fields.length === 0 && status === undefined) throw new AppError("VALIDATION", "Send at least one field to change.", { _body: ["Nothing to change."] });
    if (fields.length > 0) {
      version = (await updateTask(userId, { ...rest, version, teamId: team.id, taskId: params.taskId })).version;
    }
    if (status !== undefined) await changeTaskStatus(userId, { status, reason, version, teamId: team.id, taskId: params.taskId });
    return taskResult(actor, team, params.taskId);
  },
});
