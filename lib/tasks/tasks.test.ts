import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent } from "@/lib/timeline/mutations";
import { changeTaskStatus, createTask, updateTask, updateTeamTaskSettings, verifyTask } from "@/lib/tasks/mutations";
import { listMyTasks, listTeamTasks, overdueCount } from "@/lib/tasks/queries";
import { sendDueReminders } from "@/lib/tasks/reminders";
import { taskFiltersSchema } from "@/lib/tasks/schema";
import { nextDueDate } from "@/lib/tasks/rules";
import { inAppNotifier } from "@/lib/notifications/notifier";
import { createTeamWith, createUser } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

async function setup(roles: ("ADMIN" | "MEMBER" | "VIEWER")[] = ["MEMBER"]) {
  const ctx = await createTeamWith(roles);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  const base = { teamId: ctx.team.id, incidentId: incident.id };
  return { ...ctx, incident, base };
}

const row = (id: string) => db().task.findUniqueOrThrow({ where: { id } });

describe("creating tasks", () => {
  it("adds a task with an owner from the team, and tells the timeline and the owner", async () => {
    const { base, owner, members } = await setup();
    const task = await createTask(owner.userId, { ...base, title: "Add an index on reviews", type: "CORRECTIVE", ownerId: members.MEMBER!.userId, dueDate: "2020-01-01" });
    expect((await row(task.id)).status).toBe("OPEN");
    const events = await db().timelineEvent.findMany({ where: { incidentId: base.incidentId, body: { contains: "Add an index on reviews" } } });
    expect(events).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: members.MEMBER!.userId, kind: "task.assigned", taskId: task.id } })).toBe(1);
  });

  it("refuses an owner outside the team, a non-http link, a zero or too-long recurrence, and viewers", async () => {
    const { base, owner, members } = await setup(["VIEWER"]);
    const outsider = await createUser();
    expect((await rejection(createTask(owner.userId, { ...base, title: "x", type: "PREVENTIVE", ownerId: outsider.id }))).fields?.ownerId).toBeDefined();
    expect((await rejection(createTask(owner.userId, { ...base, title: "x", type: "PREVENTIVE", externalUrl: "javascript:alert(1)" }))).fields?.externalUrl).toBeDefined();
    expect((await rejection(createTask(owner.userId, { ...base, title: "x", type: "PREVENTIVE", recurrenceEvery: "0", recurrenceUnit: "WEEKS" }))).fields?.recurrenceEvery?.[0]).toMatch(/1 to 52/);
    expect((await rejection(createTask(owner.userId, { ...base, title: "x", type: "PREVENTIVE", recurrenceEvery: "53", recurrenceUnit: "WEEKS" }))).fields?.recurrenceEvery).toBeDefined();
    expect((await rejection(createTask(members.VIEWER!.userId, { ...base, title: "x", type: "PREVENTIVE" }))).code).toBe("FORBIDDEN");
    expect(await db().task.count({ where: { incidentId: base.incidentId } })).toBe(0);
  });

  it("links a task to the timeline event it came from, only on the same incident", async () => {
    const { base, owner, team } = await setup();
    const event = await addEvent(owner.userId, { ...base, body: "We should tune the alert thresholds" });
    const task = await createTask(owner.userId, { ...base, title: "Tune alerts", type: "DETECTIVE", sourceEventId: event.id });
    expect((await row(task.id)).sourceEventId).toBe(event.id);
    const other = await declareIncident(owner.userId, { teamId: team.id, title: "Other" });
    await rejection(createTask(owner.userId, { teamId: team.id, incidentId: other.id, title: "Wrong", type: "DETECTIVE", sourceEventId: event.id }));
  });

  it("answers 'not found' to another team", async () => {
    const { base } = await setup();
    const stranger = await createTeamWith();
    expect((await rejection(createTask(stranger.owner.userId, { ...base, title: "x", type: "PROCESS" }))).code).toBe("NOT_FOUND");
  });
});

describe("the task state machine", () => {
  it("needs a reason for blocked and won't do, and records each move on the timeline", async () => {
    const { base, owner } = await setup();
    const task = await createTask(owner.userId, { ...base, title: "Load test", type: "PREVENTIVE" });
    expect((await rejection(changeTaskStatus(owner.userId, { teamId: base.teamId, taskId: task.id, version: 1, status: "BLOCKED" }))).fields?.reason).toBeDefined();
    await changeTaskStatus(owner.userId, { teamId: base.teamId, taskId: task.id, version: 1, status: "BLOCKED", reason: "Waiting for a staging cluster" });
    expect(await row(task.id)).toMatchObject({ status: "BLOCKED", statusReason: "Waiting for a staging cluster" });
    await changeTaskStatus(owner.userId, { teamId: base.teamId, taskId: task.id, version: 2, status: "IN_PROGRESS" });
    await changeTaskStatus(owner.userId, { teamId: base.teamId, taskId: task.id, version: 3, status: "DONE" });
    expect(await row(task.id)).toMatchObject({ status: "DONE", statusReason: "" });
    expect((await row(task.id)).completedAt).not.toBeNull();
    const stale = await rejection(changeTaskStatus(owner.userId, { teamId: base.teamId, taskId: task.id, version: 3, status: "OPEN" }));
    expect(stale.code).toBe("CONFLICT");
    const lines = await db().timelineEvent.count({ where: { incidentId: base.incidentId, body: { contains: "“Load test”:" } } });
    expect(lines).toBe(3);
  });

  it("with verification on, the owner's 'done' waits for a teammate, who closes it", async () => {
    const { base, owner, members, team } = await setup(["MEMBER"]);
    await updateTeamTaskSettings(owner.userId, { teamId: team.id, requireTaskVerification: "on" });
    const member = members.MEMBER!.userId;
    const task = await createTask(owner.userId, { ...base, title: "Alert on slow reports", type: "DETECTIVE", ownerId: member, verificationCriteria: "Alert fired in a drill" });
    const marked = await changeTaskStatus(member, { teamId: base.teamId, taskId: task.id, version: 1, status: "DONE" });
    expect(marked.awaitingVerification).toBe(true);
    expect((await row(task.id)).status).toBe("IN_PROGRESS");
    expect((await rejection(verifyTask(member, { teamId: base.teamId, taskId: task.id, version: 2 }))).code).toBe("FORBIDDEN");
    await verifyTask(owner.userId, { teamId: base.teamId, taskId: task.id, version: 2 });
    expect(await row(task.id)).toMatchObject({ status: "DONE", verifiedById: owner.userId });
  });

  it("a finished recurring occurrence creates the next, exactly once even when finished twice at once", async () => {
    const { base, owner, members } = await setup();
    const task = await createTask(owner.userId, { ...base, title: "Quarterly load test", type: "PREVENTIVE", ownerId: members.MEMBER!.userId, dueDate: "2025-01-06", recurrenceEvery: "2", recurrenceUnit: "WEEKS" });
    const results = await Promise.allSettled([
      changeTaskStatus(owner.userId, { teamId: base.teamId, taskId: task.id, version: 1, status: "DONE" }),
      changeTaskStatus(members.MEMBER!.userId, { teamId: base.teamId, taskId: task.id, version: 1, status: "DONE" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const series = await db().task.findMany({ where: { seriesId: task.id }, orderBy: { occurrence: "asc" } });
    expect(series.map((t) => [t.occurrence, t.status, t.dueDate?.toISOString().slice(0, 10), t.ownerId])).toEqual([
      [1, "DONE", "2025-01-06", members.MEMBER!.userId],
      [2, "OPEN", "2025-01-20", members.MEMBER!.userId],
    ]);
  });

  it("computes the next due date by weeks and by months", () => {
    expect(nextDueDate(new Date("2025-01-31T00:00:00Z"), 1, "MONTHS", "2025-02-01")).toBe("2025-02-28");
    expect(nextDueDate(null, 3, "WEEKS", "2025-03-01")).toBe("2025-03-22");
  });

  it("keeps edits from being lost: a stale version is refused", async () => {
    const { base, owner, members } = await setup();
    const task = await createTask(owner.userId, { ...base, title: "Docs", type: "PROCESS" });
    await updateTask(members.MEMBER!.userId, { teamId: base.teamId, taskId: task.id, version: 1, title: "Write the runbook" });
    expect((await rejection(updateTask(owner.userId, { teamId: base.teamId, taskId: task.id, version: 1, title: "Overwrite" }))).code).toBe("CONFLICT");
    expect((await row(task.id)).title).toBe("Write the runbook");
  });
});

describe("views and reminders", () => {
  it("My tasks spans teams; the board filters; the overdue count follows the team's calendar", async () => {
    const a = await setup();
    const me = a.members.MEMBER!.userId;
    const b = await createTeamWith();
    await db().membership.create({ data: { teamId: b.team.id, userId: me, role: "MEMBER" } });
    const incidentB = await declareIncident(b.owner.userId, { teamId: b.team.id, title: "B" });
    await createTask(a.owner.userId, { ...a.base, title: "A overdue", type: "CORRECTIVE", ownerId: me, dueDate: "2020-01-01" });
    await createTask(b.owner.userId, { teamId: b.team.id, incidentId: incidentB.id, title: "B later", type: "PREVENTIVE", ownerId: me, dueDate: "2199-01-01" });
    const mine = await listMyTasks(me);
    expect(mine.items.map((t) => t.title)).toEqual(["A overdue", "B later"]);
    const actor = { userId: a.owner.userId, teamId: a.team.id, role: "OWNER" as const };
    expect(await overdueCount(actor, a.team.id, a.team.timeZone)).toBe(1);
    const board = await listTeamTasks(actor, a.team.id, taskFiltersSchema.parse({ due: "overdue", type: ["CORRECTIVE"] }), a.team.timeZone);
    expect(board.items.map((t) => t.title)).toEqual(["A overdue"]);
    // Removed from team B: its tasks leave My tasks.
    await db().membership.deleteMany({ where: { teamId: b.team.id, userId: me } });
    expect((await listMyTasks(me)).items.map((t) => t.title)).toEqual(["A overdue"]);
  });

  it("the reminder job notifies due-soon and overdue owners once per due date, with time under control", async () => {
    const { base, owner, members } = await setup();
    const me = members.MEMBER!.userId;
    // The job reads every team's open tasks due by tomorrow. Other test files fill this database
    // with thousands of tasks due around today, so this one lives in 2001, before all of them.
    const now = new Date("2001-03-10T09:00:00Z"); // Africa/Cairo: 2001-03-10
    const overdue = await createTask(owner.userId, { ...base, title: "Overdue one", type: "CORRECTIVE", ownerId: me, dueDate: "2001-03-09" });
    const tomorrow = await createTask(owner.userId, { ...base, title: "Tomorrow one", type: "CORRECTIVE", ownerId: me, dueDate: "2001-03-11" });
    await createTask(owner.userId, { ...base, title: "Far one", type: "CORRECTIVE", ownerId: me, dueDate: "2001-04-30" });
    await sendDueReminders(inAppNotifier, now);
    await sendDueReminders(inAppNotifier, new Date(now.getTime() + 10 * 60 * 1000));
    const notes = await db().notification.findMany({ where: { userId: me, kind: { in: ["task.overdue", "task.due_soon"] } }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.kind, n.taskId])).toEqual(expect.arrayContaining([["task.overdue", overdue.id], ["task.due_soon", tomorrow.id]]));
    expect(notes.filter((n) => n.taskId === overdue.id || n.taskId === tomorrow.id)).toHaveLength(2);
    // Reminded as overdue: marked with that due date, so later runs skip it; the due-soon one is not.
    const marked = async (id: string) => (await db().task.findUniqueOrThrow({ where: { id }, select: { overdueRemindedFor: true } })).overdueRemindedFor?.toISOString().slice(0, 10) ?? null;
    expect(await marked(overdue.id)).toBe("2001-03-09");
    expect(await marked(tomorrow.id)).toBeNull();
    // A moved due date is a new promise: overdue again, reminded again, and marked with the new date.
    await db().task.update({ where: { id: overdue.id }, data: { dueDate: new Date("2001-03-08T00:00:00Z") } });
    await sendDueReminders(inAppNotifier, new Date(now.getTime() + 20 * 60 * 1000));
    const again = await db().notification.findMany({ where: { userId: me, taskId: overdue.id, kind: "task.overdue" }, select: { message: true } });
    expect(again.map((n) => n.message).sort()).toEqual(["Overdue since 2001-03-08: Overdue one", "Overdue since 2001-03-09: Overdue one"]);
    expect(await marked(overdue.id)).toBe("2001-03-08");
    // Two days on, the task due "tomorrow" is overdue too and is told so once.
    await sendDueReminders(inAppNotifier, new Date("2001-03-12T09:00:00Z"));
    await sendDueReminders(inAppNotifier, new Date("2001-03-12T09:10:00Z"));
    expect(await db().notification.count({ where: { userId: me, taskId: tomorrow.id, kind: "task.overdue" } })).toBe(1);
    expect(await marked(tomorrow.id)).toBe("2001-03-11");
  });
});
