import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { createTask, updateTask } from "@/lib/tasks/mutations";
import { createTeamWith } from "@/lib/testing/factories";

describe("task due dates", () => {
  it("are calendar days: a text-only save with the date the form shows keeps it and tells the timeline nothing", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "DST", timeZone: "America/New_York", startedAt: "2024-11-03T00:30" });
    const task = await createTask(owner.userId, { teamId: team.id, incidentId: incident.id, title: "Alert on failover", type: "DETECTIVE", dueDate: "2024-11-03" });
    const before = await db().task.findUniqueOrThrow({ where: { id: task.id } });
    const shown = before.dueDate?.toISOString().slice(0, 10);
    expect(shown).toBe("2024-11-03");
    await updateTask(owner.userId, { teamId: team.id, taskId: task.id, version: before.version, title: "Alert on every failover", type: "DETECTIVE", dueDate: shown });
    const after = await db().task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.dueDate?.toISOString()).toBe(before.dueDate?.toISOString());
    expect(await db().timelineEvent.count({ where: { incidentId: incident.id, body: { contains: "due date changed" } } })).toBe(0);
  });
});
