import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { recordTaskEvent } from "@/lib/outbound/events";
import { parseInput } from "@/lib/validation";
import { lostSaveConflict } from "@/lib/audit/last-change";
import { loadActor, memberNameOrFieldError } from "@/lib/teams/actor";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { applyFactsChange } from "@/lib/reviews/facts-changes";
import { recordSystemEvents, type SystemLine } from "@/lib/timeline/system-events";
import { inAppNotifier, type NotificationInput } from "@/lib/notifications/notifier";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { changeStatusSchema, createTaskSchema, teamTaskSettingsSchema, updateTaskSchema, verifyTaskSchema, taskInternalSchema } from "@/lib/tasks/schema";
import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { checkRecurrence, checkStatusReason, isClosed, nextDueDate, todayIn } from "@/lib/tasks/rules";

const taskHref = (slug: string, id: string) => `/t/${slug}/tasks/${id}`;
function dateOnly(value: string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) return value;
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}
const showDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "no date");

async function ownerNameFor(tx: Tx, teamId: string, ownerId: string | null | undefined): Promise<string | null> {
  return ownerId ? memberNameOrFieldError(tx, teamId, ownerId, "ownerId") : null;
}

async function loadTask(tx: Tx, teamId: string, taskId: string) {
  const task = await tx.task.findFirst({
    where: { id: taskId, teamId },
    include: { team: { select: { slug: true, timeZone: true, requireTaskVerification: true } }, owner: { select: { name: true } } },
  });
  if (!task) throw new AppError("NOT_FOUND", "This task was not found.");
  return task;
}

const conflict = (tx: Tx, task: { id: string; teamId: string; team: { timeZone: string } }) =>
  lostSaveConflict(tx, "task", { teamId: task.teamId, targetType: "task", targetId: task.id, timeZone: task.team.timeZone });

type TaskRef = { id: string; title: string; teamId: string; incidentId: string };

async function tellIncident(tx: Tx, actorId: string, task: TaskRef, lines: SystemLine[]): Promise<void> {
  await recordSystemEvents(tx, { teamId: task.teamId, incidentId: task.incidentId, actorId, at: new Date() }, lines);
  await notifyIncidentChanged(tx, task.incidentId);
}

export async function createTask(userId: string, input: unknown) {
  const data = parseInput(createTaskSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "task.create", { teamId: data.teamId });
    const incident = await tx.incident.findFirst({ where: { id: data.incidentId, teamId: data.teamId }, select: { id: true, team: { select: { slug: true } } } });
    if (!incident) throw new AppError("NOT_FOUND", "This incident was not found.");
    const ownerName = await ownerNameFor(tx, data.teamId, data.ownerId);
    checkRecurrence(data.recurrenceEvery, data.recurrenceUnit);
    if (data.sourceEventId) {
      const event = await tx.timelineEvent.findFirst({ where: { id: data.sourceEventId, incidentId: incident.id, teamId: data.teamId }, select: { id: true } });
      if (!event) throw new AppError("VALIDATION", "The timeline event this task comes from was not found on this incident.");
    }
    const created = await tx.task.create({
      data: {
        teamId: data.teamId,
        incidentId: incident.id,
        title: data.title,
        description: data.description ?? "",
        type: data.type,
        priority: data.priority ?? "P2",
        ownerId: data.ownerId ?? null,
        dueDate: dateOnly(data.dueDate) ?? null,
        externalUrl: data.externalUrl ?? null,
        externalKey: data.externalKey || null,
        recurrenceEvery: data.recurrenceEvery ?? null,
        recurrenceUnit: data.recurrenceUnit ?? null,
        verificationCriteria: data.verificationCriteria ?? "",
        sourceEventId: data.sourceEventId ?? null,
        createdById: userId,
      },
      select: { id: true, title: true, teamId: true, incidentId: true, recurrenceEvery: true, dueDate: true },
    });
    if (created.recurrenceEvery) await tx.task.update({ where: { id: created.id }, data: { seriesId: created.id } });
    await tellIncident(tx, userId, created, [
      { kind: "NOTE", body: `${TASK_TYPE_LABEL[data.type].label} task added: “${data.title}” (owner ${ownerName ?? "unassigned"}, due ${showDate(created.dueDate)}).` },
    ]);
    if (data.ownerId && data.ownerId !== userId) {
      await inAppNotifier.notify([{ userId: data.ownerId, teamId: data.teamId, kind: "task.assigned", dedupeKey: `task-assigned:${created.id}:${data.ownerId}`, message: `You own a new task: ${data.title}`, href: taskHref(incident.team.slug, created.id), taskId: created.id }], tx);
    }
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "task.created", targetType: "task", targetId: created.id, data: { incidentId: incident.id, type: data.type } });
    await recordTaskEvent(tx, data.teamId, created.id, "task.created");
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: incident.id, actorId: userId });
    return { id: created.id, incidentId: incident.id, slug: incident.team.slug };
  });
}

/** A partial edit guarded by the version the editor started from. Owner and due-date changes reach the timeline. */
export async function updateTask(userId: string, input: unknown) {
  const data = parseInput(updateTaskSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "task.update", { teamId: data.teamId });
    const task = await loadTask(tx, data.teamId, data.taskId);
    if (task.version !== data.version) throw await conflict(tx, task);
    const ownerName = data.ownerId !== undefined ? await ownerNameFor(tx, data.teamId, data.ownerId) : undefined;
    checkRecurrence(data.recurrenceEvery === undefined ? task.recurrenceEvery : data.recurrenceEvery, data.recurrenceUnit === undefined ? task.recurrenceUnit : data.recurrenceUnit);
    const dueDate = data.dueDate === undefined ? undefined : dateOnly(data.dueDate);
    const updated = await tx.task.updateMany({
      where: { id: task.id, teamId: data.teamId, version: task.version },
      data: {
        title: data.title,
        description: data.description,
        type: data.type,
        priority: data.priority,
        ownerId: data.ownerId,
        dueDate,
        externalUrl: data.externalUrl,
        externalKey: data.externalKey === undefined ? undefined : data.externalKey || null,
        recurrenceEvery: data.recurrenceEvery,
        recurrenceUnit: data.recurrenceUnit,
        verificationCriteria: data.verificationCriteria,
        seriesId: (data.recurrenceEvery ?? task.recurrenceEvery) ? (task.seriesId ?? task.id) : task.seriesId,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw await conflict(tx, task);
    const lines: SystemLine[] = [];
    const notices: NotificationInput[] = [];
    if (data.ownerId !== undefined && data.ownerId !== task.ownerId) {
      lines.push({ kind: "NOTE", body: `Task “${task.title}” now owned by ${ownerName ?? "nobody"}.` });
      if (data.ownerId && data.ownerId !== userId) {
        notices.push({ userId: data.ownerId, teamId: data.teamId, kind: "task.assigned", dedupeKey: `task-assigned:${task.id}:${data.ownerId}:${task.version}`, message: `You now own: ${task.title}`, href: taskHref(task.team.slug, task.id), taskId: task.id });
      }
    }
    if (dueDate !== undefined && (dueDate?.getTime() ?? null) !== (task.dueDate?.getTime() ?? null)) {
      lines.push({ kind: "NOTE", body: `Task “${task.title}” due date changed from ${showDate(task.dueDate)} to ${showDate(dueDate)}.` });
    }
    await tellIncident(tx, userId, task, lines);
    await inAppNotifier.notify(notices, tx);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "task.updated", targetType: "task", targetId: task.id, data: { fields: Object.keys(data).filter((k) => !["teamId", "taskId", "version"].includes(k)) } });
    await recordTaskEvent(tx, data.teamId, task.id, "task.updated");
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: task.incidentId, actorId: userId });
    return { id: task.id, version: task.version + 1 };
  });
}

/**
 * Moves a task along. DONE on a task that needs verification becomes "awaiting verification"
 * when the owner asks; a teammate's DONE verifies it. Finishing a recurring occurrence creates
 * the next one — exactly once, since `previousId` is unique.
 */
export async function changeTaskStatus(userId: string, input: unknown, options: { verifying?: boolean } = {}) {
  const data = parseInput(changeStatusSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "task.update", { teamId: data.teamId });
    const task = await loadTask(tx, data.teamId, data.taskId);
    if (task.version !== data.version) throw await conflict(tx, task);
    const reason = checkStatusReason(data.status, data.reason);
    const needsCheck = task.team.requireTaskVerification && task.verificationCriteria.trim() !== "";
    const now = new Date();
    let status: TaskStatus = data.status;
    let verified = false;
    if (options.verifying) authorize(actor, "task.verify", { teamId: data.teamId, ownerId: task.ownerId });
    if (data.status === "DONE" && needsCheck) {
      if (!options.verifying && (task.ownerId === userId || !task.ownerId)) {
        status = "IN_PROGRESS"; // awaiting a teammate's verification
      } else {
        authorize(actor, "task.verify", { teamId: data.teamId, ownerId: task.ownerId });
        verified = true;
      }
    }
    const reopened = isClosed(task.status) && !isClosed(status);
    const updated = await tx.task.updateMany({
      where: { id: task.id, teamId: data.teamId, version: task.version },
      data: {
        status,
        statusReason: reason,
        completedAt: data.status === "DONE" ? now : reopened ? null : undefined,
        verifiedById: verified ? userId : reopened ? null : undefined,
        verifiedAt: verified ? now : reopened ? null : undefined,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw await conflict(tx, task);
    const awaiting = data.status === "DONE" && status !== "DONE";
    const lines: SystemLine[] = [
      {
        kind: "NOTE",
        body: awaiting
          ? `Task “${task.title}” marked done by its owner; awaiting verification: ${task.verificationCriteria}`
          : `Task “${task.title}”: ${TASK_STATUS_LABEL[task.status]} → ${TASK_STATUS_LABEL[status]}${verified ? " (verified)" : ""}${reason ? ` — ${reason}` : ""}.`,
      },
    ];
    let next: { id: string } | null = null;
    if (status === "DONE" && task.recurrenceEvery && task.recurrenceUnit) {
      const dueDate = nextDueDate(task.dueDate, task.recurrenceEvery, task.recurrenceUnit, todayIn(task.team.timeZone, now));
      const created = await tx.task.createManyAndReturn({
        data: [{
          teamId: task.teamId, incidentId: task.incidentId, title: task.title, description: task.description, type: task.type, priority: task.priority,
          ownerId: task.ownerId, dueDate: new Date(`${dueDate}T00:00:00.000Z`), externalUrl: task.externalUrl, externalKey: task.externalKey,
          recurrenceEvery: task.recurrenceEvery, recurrenceUnit: task.recurrenceUnit, seriesId: task.seriesId ?? task.id, occurrence: task.occurrence + 1,
          previousId: task.id, verificationCriteria: task.verificationCriteria, sourceEventId: task.sourceEventId, createdById: userId,
        }],
        skipDuplicates: true,
        select: { id: true },
      });
      next = created[0] ?? null;
      if (next) lines.push({ kind: "NOTE", body: `Recurring task “${task.title}”: occurrence ${task.occurrence + 1} due ${dueDate}.` });
    }
    if (awaiting) {
      const teammates = await tx.membership.findMany({ where: { teamId: task.teamId, userId: { not: userId }, role: { in: ["OWNER", "ADMIN"] } }, select: { userId: true }, take: 20 });
      await inAppNotifier.notify(teammates.map((m) => ({ userId: m.userId, teamId: task.teamId, kind: "task.verify" as const, dedupeKey: `task-verify:${task.id}:${task.version}`, message: `Please verify: ${task.title}`, href: taskHref(task.team.slug, task.id), taskId: task.id })), tx);
    }
    await tellIncident(tx, userId, task, lines);
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "task.status_changed", targetType: "task", targetId: task.id, data: { from: task.status, to: status, verified, nextId: next?.id ?? null } });
    await recordTaskEvent(tx, data.teamId, task.id, status === "DONE" ? "task.completed" : "task.updated");
    await applyFactsChange(tx, { teamId: data.teamId, incidentId: task.incidentId, actorId: userId, now });
    return { id: task.id, status, awaitingVerification: awaiting, nextId: next?.id ?? null, version: task.version + 1 };
  });
}

export async function verifyTask(userId: string, input: unknown) {
  const data = parseInput(verifyTaskSchema, input);
  return changeTaskStatus(userId, { ...data, status: "DONE" }, { verifying: true });
}

export async function updateTeamTaskSettings(userId: string, input: unknown) {
  const data = parseInput(teamTaskSettingsSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "team.update", { teamId: data.teamId });
    await tx.team.update({ where: { id: data.teamId }, data: { requireTaskVerification: data.requireTaskVerification } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "team.task_settings", targetType: "team", targetId: data.teamId, data: { requireTaskVerification: data.requireTaskVerification } });
    return { teamId: data.teamId };
  });
}

/** Internal tasks stay on the incident but are left out of public editions of its postmortem. */
export async function setTaskInternal(userId: string, input: unknown) {
  const data = parseInput(taskInternalSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "task.update", { teamId: data.teamId });
    const { count } = await tx.task.updateMany({ where: { id: data.taskId, teamId: data.teamId }, data: { internal: data.internal } });
    if (count === 0) throw new AppError("NOT_FOUND", "This task was not found.");
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: data.internal ? "task.marked_internal" : "task.marked_public", targetType: "task", targetId: data.taskId });
    return { internal: data.internal };
  });
}
