import { describe, expect, it } from "vitest";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, editEvent } from "@/lib/timeline/mutations";
import { changeTaskStatus, createTask, updateTask } from "@/lib/tasks/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

async function setup() {
  const ctx = await createTeamWith(["MEMBER"]);
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped" });
  return { ...ctx, incident, teamId: ctx.team.id, member: ctx.members.MEMBER!.userId };
}

describe("a save that loses to someone else's", () => {
  it("names who changed the task and when, for edits and status changes", async () => {
    const { teamId, incident, owner, member } = await setup();
    const task = await createTask(owner.userId, { teamId, incidentId: incident.id, title: "Add an index", type: "CORRECTIVE" });
    await updateTask(member, { teamId, taskId: task.id, version: 1, title: "Add an index on reviews" });

    const edit = await rejection(updateTask(owner.userId, { teamId, taskId: task.id, version: 1, title: "Mine" }));
    expect(edit.code).toBe("CONFLICT");
    expect(edit.message).toMatch(/^This task was changed by MEMBER user at .+GMT\+2.* while you were editing\. Your text is still in the form/);

    const status = await rejection(changeTaskStatus(owner.userId, { teamId, taskId: task.id, version: 1, status: "IN_PROGRESS" }));
    expect(status.message).toContain("changed by MEMBER user");
  });

  it("names who changed a timeline entry", async () => {
    const { teamId, incident, owner } = await setup();
    const event = await addEvent(owner.userId, { teamId, incidentId: incident.id, body: "Alert fired" });
    await editEvent(owner.userId, { teamId, eventId: event.id, version: 1, kind: "NOTE", body: "Alert fired twice", occurredAt: "2026-01-10T10:00" });
    const lost = await rejection(editEvent(owner.userId, { teamId, eventId: event.id, version: 1, kind: "NOTE", body: "Mine", occurredAt: "2026-01-10T10:00" }));
    expect(lost.code).toBe("CONFLICT");
    expect(lost.message).toMatch(/^This event was changed by Owner at /);
  });
});
