import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { listIncidents } from "@/lib/incidents/queries";
import { incidentFiltersSchema } from "@/lib/incidents/schema";
import { addEvent } from "@/lib/timeline/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const filters = (input: Record<string, unknown> = {}) => incidentFiltersSchema.parse(input);

async function version(id: string) {
  return (await db().incident.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe("declaring incidents", () => {
  it("needs only a title, defaults to SEV3 in the team's zone, and numbers per team", async () => {
    const { team, owner } = await createTeamWith();
    const first = await declareIncident(owner.userId, { teamId: team.id, title: "Reports not generated" });
    const second = await declareIncident(owner.userId, { teamId: team.id, title: "Second" });
    expect([first.number, second.number]).toEqual([1, 2]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ severity: "SEV3", status: "INVESTIGATING", timeZone: "Africa/Cairo", commanderId: owner.userId });
    const events = await db().timelineEvent.findMany({ where: { incidentId: first.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ source: "SYSTEM", kind: "UPDATE" });
  });

  it("never hands out the same number twice, even at once", async () => {
    const { team, owner } = await createTeamWith();
    const declared = await Promise.all(Array.from({ length: 12 }, (_, i) => declareIncident(owner.userId, { teamId: team.id, title: `Parallel ${i}` })));
    expect(new Set(declared.map((d) => d.number)).size).toBe(12);
    expect(declared.map((d) => d.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("refuses an empty title, an unknown zone and a start in the far future", async () => {
    const { team, owner } = await createTeamWith();
    const error = await rejection(declareIncident(owner.userId, { teamId: team.id, title: "  ", timeZone: "Moon/Base" }));
    expect(error.fields?.title?.[0]).toMatch(/title/);
    expect(error.fields?.timeZone?.[0]).toMatch(/Unknown time zone/);
    const future = await rejection(declareIncident(owner.userId, { teamId: team.id, title: "Later", startedAt: "2999-01-01T00:00" }));
    expect(future.fields?.startedAt?.[0]).toMatch(/future/);
    expect(await db().incident.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("lets viewers read but not declare", async () => {
    const { team, members } = await createTeamWith(["VIEWER"]);
    expect((await rejection(declareIncident(members.VIEWER!.userId, { teamId: team.id, title: "Nope" }))).code).toBe("FORBIDDEN");
  });
});

describe("updating incidents", () => {
  it("records status, severity and commander changes on the timeline and sets key moments", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "DB slow", startedAt: "2023-10-15T08:00", timeZone: "Africa/Johannesburg" });
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, severity: "SEV1", commanderId: members.MEMBER!.userId });
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 2, status: "RESOLVED" });
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.status).toBe("RESOLVED");
    expect(row.resolvedAt).not.toBeNull();
    const bodies = (await db().timelineEvent.findMany({ where: { incidentId: incident.id, source: "SYSTEM" }, orderBy: { occurredAt: "asc" } })).map((e) => e.body);
    expect(bodies).toEqual(expect.arrayContaining(["Severity raised from SEV3 to SEV1.", "MEMBER user is now the incident commander.", "Status changed from Investigating to Resolved."]));

    // It regressed: reopening clears the resolution time.
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 3, status: "INVESTIGATING" });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).resolvedAt).toBeNull();
  });

  it("refuses a stale version and names who changed it", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Original" });
    await updateIncident(members.MEMBER!.userId, { teamId: team.id, incidentId: incident.id, version: 1, title: "Changed by member" });
    const stale = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, title: "Overwrite?" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed by MEMBER user/);
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).title).toBe("Changed by member");
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Race" });
    const results = await Promise.allSettled([
      updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, title: "A" }),
      updateIncident(members.MEMBER!.userId, { teamId: team.id, incidentId: incident.id, version: 1, title: "B" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await version(incident.id)).toBe(2);
  });

  it("refuses resolution before the start, warns (and saves) detection before the start", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Clocks", startedAt: "2023-10-15T08:00" });
    const before = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, resolvedAt: "2023-10-15T07:00" }));
    expect(before.fields?.resolvedAt?.[0]).toMatch(/before the impact started/);
    const drift = await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, detectedAt: "2023-10-15T07:58" });
    expect(drift.warnings[0]?.field).toBe("detectedAt");
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).detectedAt?.toISOString()).toBe("2023-10-15T04:58:00.000Z");
  });

  it("refuses a percentage outside 0–100 and a text over 20 000 characters", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Bounds" });
    const pct = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, usersAffectedPct: "120" }));
    expect(pct.fields?.usersAffectedPct?.[0]).toMatch(/0 to 100/);
    const long = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, rootCause: "x".repeat(20_001) }));
    expect(long.fields?.rootCause?.[0]).toMatch(/too long/);
  });

  it("answers 'not found' to another team guessing the id", async () => {
    const a = await createTeamWith();
    const b = await createTeamWith();
    const incident = await declareIncident(b.owner.userId, { teamId: b.team.id, title: "Theirs" });
    expect((await rejection(updateIncident(a.owner.userId, { teamId: a.team.id, incidentId: incident.id, version: 1, title: "Mine" }))).code).toBe("NOT_FOUND");
    expect((await rejection(updateIncident(a.owner.userId, { teamId: b.team.id, incidentId: incident.id, version: 1, title: "Mine" }))).code).toBe("NOT_FOUND");
    expect((await rejection(addEvent(a.owner.userId, { teamId: a.team.id, incidentId: incident.id, body: "hi" }))).code).toBe("NOT_FOUND");
  });
});

describe("the incident list", () => {
  it("filters, searches titles and timeline text, and pages by keyset", async () => {
    const { team, owner } = await createTeamWith();
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    for (let i = 1; i <= 30; i++) {
      await declareIncident(owner.userId, { teamId: team.id, title: `Incident ${i}`, severity: i % 2 ? "SEV2" : "SEV4", startedAt: `2024-01-${String(i).padStart(2, "0")}T10:00`, services: i === 7 ? "billing" : undefined });
    }
    const db7 = await db().incident.findFirstOrThrow({ where: { teamId: team.id, title: "Incident 7" } });
    await addEvent(owner.userId, { teamId: team.id, incidentId: db7.id, kind: "DEAD_END", body: "Ran strace on the app server; nothing useful", occurredAt: "2024-01-07T10:30" });

    const first = await listIncidents(actor, team.id, filters(), team.timeZone);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]?.title).toBe("Incident 30");
    const second = await listIncidents(actor, team.id, filters({ after: first.nextCursor }), team.timeZone);
    expect(second.items.map((i) => i.title)).toEqual(["Incident 5", "Incident 4", "Incident 3", "Incident 2", "Incident 1"]);
    expect(second.nextCursor).toBeNull();

    expect((await listIncidents(actor, team.id, filters({ severity: ["SEV4"] }), team.timeZone)).items.every((i) => i.severity === "SEV4")).toBe(true);
    expect((await listIncidents(actor, team.id, filters({ service: "Billing" }), team.timeZone)).items.map((i) => i.title)).toEqual(["Incident 7"]);
    expect((await listIncidents(actor, team.id, filters({ q: "strace" }), team.timeZone)).items.map((i) => i.title)).toEqual(["Incident 7"]);
    expect((await listIncidents(actor, team.id, filters({ q: "\"Incident 12\"" }), team.timeZone)).items.map((i) => i.title)).toEqual(["Incident 12"]);
    const range = await listIncidents(actor, team.id, filters({ from: "2024-01-10", to: "2024-01-12" }), team.timeZone);
    expect(range.items.map((i) => i.title)).toEqual(["Incident 12", "Incident 11", "Incident 10"]);
  });

  it("treats a malformed cursor or filter as the first page, never an error", async () => {
    const { team, owner } = await createTeamWith();
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    await declareIncident(owner.userId, { teamId: team.id, title: "Only" });
    const page = await listIncidents(actor, team.id, filters({ after: "%%%garbage", status: ["NOPE"], sort: "sideways" }), team.timeZone);
    expect(page.items.map((i) => i.title)).toEqual(["Only"]);
  });
});
