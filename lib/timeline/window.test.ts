import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, deleteEvent, starEvent } from "@/lib/timeline/mutations";
import { listEventChangesSince, listEventsBefore, listLatestEvents, listStarredEvents, searchTimeline } from "@/lib/timeline/queries";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

/** An incident with `count` user events a minute apart from 10:00 (plus the declaration's system line), and its actor. */
async function incidentWith(count: number, bodyOf: (i: number) => string = (i) => `step ${i}`) {
  const { team, owner } = await createTeamWith();
  const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Windowed", startedAt: "2024-03-01T09:00", timeZone: "UTC" });
  const rows = Array.from({ length: count }, (_, i) => ({
    teamId: team.id,
    incidentId: incident.id,
    kind: "NOTE" as const,
    body: bodyOf(i),
    authorId: owner.userId,
    occurredAt: new Date(Date.UTC(2024, 2, 1, 10, i)),
  }));
  await db().timelineEvent.createMany({ data: rows });
  const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
  return { team, owner, incident, actor };
}

describe("the windowed timeline", () => {
  it("shows the newest events oldest first, then pages back by keyset without gaps or repeats", async () => {
    const { team, incident, actor } = await incidentWith(25);
    const all = await db().timelineEvent.findMany({ where: { incidentId: incident.id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { id: true } });
    const first = await listLatestEvents(actor, team.id, incident.id, 10);
    expect(first.entries.map((e) => e.id)).toEqual(all.slice(-10).map((e) => e.id));
    expect(first.earlier).not.toBeNull();

    const seen = [...first.entries.map((e) => e.id)];
    let cursor = first.earlier;
    while (cursor) {
      const page = await listEventsBefore(actor, team.id, incident.id, cursor, 10);
      seen.unshift(...page.entries.map((e) => e.id));
      cursor = page.earlier;
    }
    // 25 events and the declaration's system line, each exactly once, in time order.
    expect(seen).toHaveLength(26);
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it("breaks ties in time by id, so events written in the same millisecond are neither lost nor repeated", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Ties", startedAt: "2024-03-01T09:00", timeZone: "UTC" });
    const at = new Date(Date.UTC(2024, 2, 1, 12));
    await db().timelineEvent.createMany({ data: Array.from({ length: 7 }, (_, i) => ({ teamId: team.id, incidentId: incident.id, kind: "NOTE" as const, body: `same ${i}`, occurredAt: at })) });
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    const first = await listLatestEvents(actor, team.id, incident.id, 3);
    const second = await listEventsBefore(actor, team.id, incident.id, first.earlier!, 3);
    const third = await listEventsBefore(actor, team.id, incident.id, second.earlier!, 3);
    const ids = [...third.entries, ...second.entries, ...first.entries].map((e) => e.id);
    // The seven ties and the declaration's system line.
    expect(new Set(ids).size).toBe(8);
    expect(third.earlier).toBeNull();
  });

  it("lists the newest starred events, in time order, regardless of the window, and leaves deleted ones out", async () => {
    const { team, owner, incident, actor } = await incidentWith(30);
    const events = await db().timelineEvent.findMany({ where: { incidentId: incident.id, source: "USER" }, orderBy: { occurredAt: "asc" }, select: { id: true } });
    for (const i of [2, 5, 20]) await starEvent(owner.userId, { teamId: team.id, eventId: events[i]!.id, starred: "true" });
    await deleteEvent(owner.userId, { teamId: team.id, eventId: events[20]!.id });
    const starred = await listStarredEvents(actor, team.id, incident.id);
    expect(starred.entries.map((e) => e.body)).toEqual(["step 2", "step 5"]);
  });

  it("searches within one incident only, with web-style queries, and pages back through matches", async () => {
    const { team, incident, actor } = await incidentWith(12, (i) => (i % 3 === 0 ? `replica ${i} lagging` : `pool ${i} fine`));
    const elsewhere = await declareIncident(actor.userId, { teamId: team.id, title: "Other", timeZone: "UTC" });
    await addEvent(actor.userId, { teamId: team.id, incidentId: elsewhere.id, body: "replica lagging elsewhere" });

    const found = await searchTimeline(actor, team.id, incident.id, "replica", null, 2);
    expect(found.entries.map((e) => e.body)).toEqual(["replica 6 lagging", "replica 9 lagging"]);
    const more = await searchTimeline(actor, team.id, incident.id, "replica", found.earlier, 2);
    expect(more.entries.map((e) => e.body)).toEqual(["replica 0 lagging", "replica 3 lagging"]);
    expect(more.earlier).toBeNull();
    expect((await searchTimeline(actor, team.id, incident.id, "replica -lagging")).entries).toEqual([]);
    expect((await searchTimeline(actor, team.id, incident.id, "zeppelin")).entries).toEqual([]);
    // Odd input is a query like any other, never an error.
    expect((await searchTimeline(actor, team.id, incident.id, "\"unclosed ( & | !")).entries).toEqual([]);
  });

  it("treats a malformed cursor as the newest page and refuses outsiders", async () => {
    const { team, incident, actor } = await incidentWith(3);
    expect((await listEventsBefore(actor, team.id, incident.id, "not-a-cursor")).entries).toHaveLength(4);
    const outsider = await createTeamWith();
    const stranger = { userId: outsider.owner.userId, teamId: outsider.team.id, role: "OWNER" as const };
    expect((await rejection(listLatestEvents(stranger, team.id, incident.id))).code).toBe("NOT_FOUND");
  });

  it("reports every change since a moment, deletions included, oldest change first", async () => {
    const { team, owner, incident } = await incidentWith(2);
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const added = await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "new line" });
    const old = await db().timelineEvent.findFirstOrThrow({ where: { incidentId: incident.id, body: "step 0" } });
    await deleteEvent(owner.userId, { teamId: team.id, eventId: old.id });
    const changes = await listEventChangesSince(team.id, incident.id, since);
    expect(changes.map((c) => [c.body, c.deletedAt !== null])).toEqual([
      ["new line", false],
      ["step 0", true],
    ]);
    expect(changes[0]!.id).toBe(added.id);
  });
});
