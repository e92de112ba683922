import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, editEvent, pasteEvents } from "@/lib/timeline/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { utcToWallTime } from "@/lib/time/zoned";
import { BODY_MAX } from "@/lib/timeline/fields";

const NY = "America/New_York";
const SECOND_0115 = new Date("2024-11-03T06:15:00.000Z");

async function incidentIn(timeZone: string) {
  const { team, owner } = await createTeamWith();
  const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Back-filled", startedAt: "2024-11-03T00:30", timeZone });
  return { team, owner, incident };
}

describe("timeline times", () => {
  it("keeps an event's repeated-hour instant when only its text is edited", async () => {
    const { team, owner, incident } = await incidentIn(NY);
    const event = await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "failover", occurredAt: "2024-11-03T00:45" });
    await db().timelineEvent.update({ where: { id: event.id }, data: { occurredAt: SECOND_0115 } });
    // The edit form shows the wall time without its offset and sends it back as shown.
    await editEvent(owner.userId, { teamId: team.id, eventId: event.id, version: 1, kind: "NOTE", body: "failover to the replica", occurredAt: utcToWallTime(SECOND_0115, NY) });
    const after = await db().timelineEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect([after.body, after.occurredAt.toISOString()]).toEqual(["failover to the replica", SECOND_0115.toISOString()]);
    const revisions = await db().timelineEventRevision.findMany({ where: { eventId: event.id } });
    expect(revisions.map((r) => r.occurredAt.toISOString())).toEqual([SECOND_0115.toISOString()]);
  });

  it("stores the repeated hour's second pass when its offset is sent", async () => {
    const { team, owner, incident } = await incidentIn(NY);
    const event = await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "failover", occurredAt: "2024-11-03T01:15-05:00" });
    expect(event.occurredAt.toISOString()).toBe(SECOND_0115.toISOString());
    const bare = await rejection(addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "failover", occurredAt: "2024-11-03T01:15" }));
    expect(bare.fields?.occurredAt?.[0]).toMatch(/01:15 GMT-4.*01:15 GMT-5/);
  });

  it("writes no revision when a save changes nothing", async () => {
    const { team, owner, incident } = await incidentIn(NY);
    const event = await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, kind: "NOTE", body: "same", occurredAt: "2024-11-03T00:45" });
    await editEvent(owner.userId, { teamId: team.id, eventId: event.id, version: 1, kind: "NOTE", body: "same", occurredAt: "2024-11-03T00:45" });
    expect(await db().timelineEventRevision.count({ where: { eventId: event.id } })).toBe(0);
    expect((await db().timelineEvent.findUniqueOrThrow({ where: { id: event.id } })).version).toBe(1);
  });

  it("adds a pasted block as events in one go, with one audit line, or nothing when a line is wrong", async () => {
    const { team, owner, incident } = await incidentIn("Africa/Johannesburg");
    const refused = await rejection(pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "2023-10-15", block: "08:03 alert fired\n25:99 typo" }));
    expect(refused.fields?.block).toEqual(["Line 2: 25:99 is not a valid time."]);
    expect(await db().timelineEvent.count({ where: { incidentId: incident.id, source: "USER" } })).toBe(0);

    const block = "08:03 alert fired\n8:05 AM (GMT +2) IT manager investigates\n2023-10-15 14:30 UTC query rewritten";
    const added = await pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "2023-10-15", kind: "ACTION", block });
    expect(added.count).toBe(3);
    const events = await db().timelineEvent.findMany({ where: { incidentId: incident.id, source: "USER" }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => [e.occurredAt.toISOString(), e.kind, e.body, e.authorId])).toEqual([
      ["2023-10-15T06:03:00.000Z", "ACTION", "alert fired", owner.userId],
      ["2023-10-15T06:05:00.000Z", "ACTION", "IT manager investigates", owner.userId],
      ["2023-10-15T14:30:00.000Z", "ACTION", "query rewritten", owner.userId],
    ]);
    const audit = await db().auditEvent.findMany({ where: { targetId: incident.id, action: "timeline.pasted" } });
    expect(audit.map((a) => a.data)).toEqual([{ count: 3, kind: "ACTION" }]);
  });

  it("refuses a pasted line in the future and one in the repeated hour without its offset", async () => {
    const { team, owner, incident } = await incidentIn(NY);
    const error = await rejection(pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "2024-11-03", block: "01:15 failover\n2999-01-01 00:00 later" }));
    expect(error.fields?.block?.[0]).toMatch(/happened twice/);
    expect(error.fields?.block?.[1]).toMatch(/Line 2 is in the future/);
  });

  it("cleans each pasted body as a typed event is cleaned, and refuses a line that says nothing visible", async () => {
    const { team, owner, incident } = await incidentIn("Africa/Johannesburg");
    const blank = await rejection(pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "2023-10-15", block: "08:03 alert fired\n08:04 \u200B\u200B" }));
    expect(blank.fields?.block).toEqual(["Line 2: Write what happened."]);
    const long = await rejection(pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "2023-10-15", block: `08:03 ${"x".repeat(BODY_MAX + 1)}` }));
    expect(long.fields?.block?.[0]).toMatch(/^Line 1: Keep an event under 20,000 characters/);
    expect(await db().timelineEvent.count({ where: { incidentId: incident.id, source: "USER" } })).toBe(0);

    await pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "2023-10-15", block: "08:03 alert\u0007 fired \u0000\r\n  colour \u001b[31mred\u001b[0m\t" });
    const [event] = await db().timelineEvent.findMany({ where: { incidentId: incident.id, source: "USER" } });
    expect(event?.body).toBe("alert fired\ncolour [31mred[0m");
  });

  it("refuses a pasted line or day before 1970, as typed times are", async () => {
    const { team, owner, incident } = await incidentIn("UTC");
    const ancient = await rejection(pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, block: "0202-10-15 08:00 typo in the year" }));
    expect(ancient.fields?.block).toEqual(["Line 1 is before 1970: check its year."]);
    const day = await rejection(pasteEvents(owner.userId, { teamId: team.id, incidentId: incident.id, day: "0202-10-15", block: "08:00 typo in the day" }));
    expect(day.fields?.day?.[0]).toMatch(/between 1970 and 2200/);
  });
});
