import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { createTask, updateTask } from "@/lib/tasks/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { taskFieldsSchema } from "@/lib/tasks/schema";

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

  it("are typed as text: YYYY-MM-DD, with slashes or without separators; anything else is refused with the format", () => {
    const due = (dueDate: string) => taskFieldsSchema.safeParse({ title: "T", type: "CORRECTIVE", dueDate });
    expect(due("2026-12-01").data?.dueDate).toBe("2026-12-01");
    expect(due(" 2026/12/1 ").data?.dueDate).toBe("2026-12-01");
    expect(due("20261201").data?.dueDate).toBe("2026-12-01");
    expect(due("").data?.dueDate).toBeNull();
    for (const bad of ["12/01/2026", "2026-02-30", "tomorrow", "1900-01-01"]) expect(due(bad).success, bad).toBe(false);
    expect(due("12/01/2026").error?.issues[0]?.message).toBe("Enter the date as YYYY-MM-DD.");
  });
});
