import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, deleteEvent, editEvent, starEvent } from "@/lib/timeline/mutations";
import { listTimeline } from "@/lib/timeline/queries";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

describe("the timeline", () => {
  it("adds events of every kind in the incident's zone, in time order", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Example", startedAt: "2023-10-15T08:00", timeZone: "Africa/Johannesburg" });
    const kinds = ["DETECTION", "ACTION", "INVESTIGATION", "DEAD_END", "ESCALATION", "MITIGATION", "RESOLUTION", "COMMUNICATION", "NOTE"] as const;
    for (const [i, kind] of kinds.entries()) {
      await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, kind, body: `${kind} step`, occurredAt: `2023-10-15T${String(9 + i).padStart(2, "0")}:00` });
    }
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    const timeline = await listTimeline(actor, team.id, incident.id);
    const userEvents = timeline.filter((e) => e.source === "USER");
    expect(userEvents.map((e) => e.kind)).toEqual([...kinds]);
    expect(userEvents[0]?.occurredAt.toISOString()).toBe("2023-10-15T07:00:00.000Z");
  });

  it("refuses an empty body, a body over 20 000 characters and a far-future time", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Bad input" });
    expect((await rejection(addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: " " }))).fields?.body).toBeDefined();
    expect((await rejection(addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "x".repeat(20_001) }))).fields?.body?.[0]).toMatch(/20,000/);
    expect((await rejection(addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "later", occurredAt: "2999-01-01T00:00" }))).fields?.occurredAt?.[0]).toMatch(/future/);
  });

  it("keeps history on edit and delete; only authors and admins may change an event", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER", "ADMIN"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "History" });
    const event = await addEvent(members.MEMBER!.userId, { teamId: team.id, incidentId: incident.id, kind: "ACTION", body: "curl the health endpoint" });
    await editEvent(members.MEMBER!.userId, { teamId: team.id, eventId: event.id, version: 1, kind: "INVESTIGATION", body: "curl /health: 200 OK", occurredAt: "2024-01-01T10:00" });
    const stale = await rejection(editEvent(members.MEMBER!.userId, { teamId: team.id, eventId: event.id, version: 1, kind: "NOTE", body: "stale", occurredAt: "2024-01-01T10:00" }));
    expect(stale.code).toBe("CONFLICT");

    const otherMember = await createTeamWith(["MEMBER"]);
    expect((await rejection(deleteEvent(otherMember.members.MEMBER!.userId, { teamId: team.id, eventId: event.id }))).code).toBe("NOT_FOUND");

    await deleteEvent(members.ADMIN!.userId, { teamId: team.id, eventId: event.id });
    const revisions = await db().timelineEventRevision.findMany({ where: { eventId: event.id }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((r) => [r.change, r.body])).toEqual([
      ["edited", "curl the health endpoint"],
      ["deleted", "curl /health: 200 OK"],
    ]);
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    expect((await listTimeline(actor, team.id, incident.id)).some((e) => e.id === event.id)).toBe(false);
  });

  it("does not let a member edit someone else's event, nor anyone edit a system event", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Ownership" });
    const ownersEvent = await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "owner's note" });
    const edit = { teamId: team.id, eventId: ownersEvent.id, version: 1, kind: "NOTE", body: "rewritten", occurredAt: "2024-01-01T10:00" };
    expect((await rejection(editEvent(members.MEMBER!.userId, edit))).code).toBe("FORBIDDEN");
    const system = await db().timelineEvent.findFirstOrThrow({ where: { incidentId: incident.id, source: "SYSTEM" } });
    expect((await rejection(editEvent(owner.userId, { ...edit, eventId: system.id }))).code).toBe("FORBIDDEN");
    await starEvent(members.MEMBER!.userId, { teamId: team.id, eventId: ownersEvent.id, starred: "true" });
    expect((await db().timelineEvent.findUniqueOrThrow({ where: { id: ownersEvent.id } })).starred).toBe(true);
  });
});
