import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { KEY_MOMENTS } from "@/lib/incidents/schema";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { utcToWallTime } from "@/lib/time/zoned";

const NY = "America/New_York";
// 2024-11-03 in New York: 01:00–01:59 happens twice, first at GMT-4 (05:xx UTC), then at GMT-5 (06:xx UTC).
const SECOND_0115 = new Date("2024-11-03T06:15:00.000Z");

async function backDated(zone = NY) {
  const { team, owner } = await createTeamWith();
  const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Failover during the DST change", startedAt: "2024-11-03T00:30", timeZone: zone });
  return { team, owner, incident };
}

const row = (id: string) => db().incident.findUniqueOrThrow({ where: { id } });
const systemLines = (incidentId: string) => db().timelineEvent.findMany({ where: { incidentId, source: "SYSTEM" }, orderBy: { occurredAt: "asc" } });

/** What the key-moments form sends: every moment as the wall time it shows, in the incident's zone. */
function shownWallTimes(incident: Awaited<ReturnType<typeof row>>) {
  return Object.fromEntries(KEY_MOMENTS.map((k) => [k, incident[k] ? utcToWallTime(incident[k], incident.timeZone) : ""]));
}

describe("saving never moves a time nobody touched", () => {
  it("keeps a moment in the repeated hour's second pass when only the title changes (no history line)", async () => {
    const { team, owner, incident } = await backDated();
    await db().incident.update({ where: { id: incident.id }, data: { detectedAt: SECOND_0115 } });
    const before = await row(incident.id);
    const linesBefore = await systemLines(incident.id);
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: before.version, title: "Failover during the DST change (edited)", ...shownWallTimes(before) });
    const after = await row(incident.id);
    expect(after.title).toMatch(/edited/);
    expect(after.detectedAt?.toISOString()).toBe(SECOND_0115.toISOString());
    expect(after.startedAt.toISOString()).toBe(before.startedAt.toISOString());
    expect(await systemLines(incident.id)).toHaveLength(linesBefore.length);
  });

  it("keeps seconds and milliseconds the form never showed, and the exact instant the input echoes back", async () => {
    const { team, owner, incident } = await backDated();
    const precise = new Date("2024-11-03T06:15:42.123Z");
    await db().incident.update({ where: { id: incident.id }, data: { acknowledgedAt: precise } });
    const before = await row(incident.id);
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: before.version, ...shownWallTimes(before), mitigatedAt: "2024-11-03T01:40-05:00" });
    const after = await row(incident.id);
    expect(after.acknowledgedAt?.toISOString()).toBe(precise.toISOString());
    expect(after.mitigatedAt?.toISOString()).toBe("2024-11-03T06:40:00.000Z");
    expect((await systemLines(incident.id)).map((e) => e.body).filter((b) => b.includes("time set"))).toEqual(["Mitigation time set to Nov 3, 2024, 01:40 GMT-5."]);
    // The untouched input sends the stored instant itself.
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: after.version, acknowledgedAt: precise.toISOString(), summary: "x" });
    expect((await row(incident.id)).acknowledgedAt?.toISOString()).toBe(precise.toISOString());
  });

  it("moves no instant when the zone changes in the same save", async () => {
    const { team, owner, incident } = await backDated();
    const before = await row(incident.id);
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: before.version, timeZone: "Europe/Berlin", ...shownWallTimes(before) });
    const after = await row(incident.id);
    expect(after.timeZone).toBe("Europe/Berlin");
    expect(after.startedAt.toISOString()).toBe(before.startedAt.toISOString());
  });
});

describe("the repeated and the skipped hour", () => {
  it("stores the occurrence chosen by its offset, and refuses a bare repeated time naming both offsets", async () => {
    const { team, owner, incident } = await backDated();
    const bare = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, detectedAt: "2024-11-03T01:15" }));
    expect(bare.fields?.detectedAt?.[0]).toMatch(/happened twice.*01:15 GMT-4.*01:15 GMT-5/);
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, detectedAt: "2024-11-03T01:15-05:00" });
    expect((await row(incident.id)).detectedAt?.toISOString()).toBe(SECOND_0115.toISOString());
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 2, detectedAt: "2024-11-03T01:15-04:00" });
    expect((await row(incident.id)).detectedAt?.toISOString()).toBe("2024-11-03T05:15:00.000Z");
    const wrong = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 3, detectedAt: "2024-11-03T01:15-06:00" }));
    expect(wrong.fields?.detectedAt?.[0]).toMatch(/GMT-4 or GMT-5.*not -06:00/);
  });

  it("refuses a time the clocks skipped, and years no incident happened in", async () => {
    const { team, owner, incident } = await backDated();
    const skipped = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, resolvedAt: "2024-03-10T02:30", status: "RESOLVED" }));
    expect(skipped.fields?.resolvedAt?.[0]).toMatch(/does not exist.*skipped/);
    const ancient = await rejection(declareIncident(owner.userId, { teamId: team.id, title: "Typo", startedAt: "0202-10-15T08:00" }));
    expect(ancient.fields?.startedAt?.[0]).toMatch(/before 1970/);
  });
});

describe("defaults that fit a back-dated incident", () => {
  it("does not call the declaration the detection when the start is in the past", async () => {
    const { team, owner, incident } = await backDated("Africa/Johannesburg");
    expect((await row(incident.id)).detectedAt).toBeNull();
    const withDetection = await declareIncident(owner.userId, { teamId: team.id, title: "Reports", startedAt: "2023-10-15T08:00", detectedAt: "2023-10-15T08:03", timeZone: "Africa/Johannesburg" });
    expect((await row(withDetection.id)).detectedAt?.toISOString()).toBe("2023-10-15T06:03:00.000Z");
    const live = await declareIncident(owner.userId, { teamId: team.id, title: "Now" });
    const liveRow = await row(live.id);
    expect(liveRow.detectedAt?.getTime()).toBe(liveRow.startedAt.getTime());
  });

  it("resolving invents no mitigation time", async () => {
    const { team, owner, incident } = await backDated();
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, status: "RESOLVED" });
    const resolved = await row(incident.id);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.mitigatedAt).toBeNull();
  });

  it("refuses a resolution time on an open incident unless it is resolved in the same save", async () => {
    const { team, owner, incident } = await backDated();
    const contradiction = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, resolvedAt: "2024-11-03T04:00" }));
    expect(contradiction.fields?.resolvedAt?.[0]).toMatch(/not resolved/);
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, resolvedAt: "2024-11-03T04:00", status: "RESOLVED" });
    const resolved = await row(incident.id);
    expect([resolved.status, resolved.resolvedAt?.toISOString()]).toEqual(["RESOLVED", "2024-11-03T09:00:00.000Z"]);
    const cleared = await rejection(updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 2, resolvedAt: "" }));
    expect(cleared.fields?.resolvedAt?.[0]).toMatch(/reopen/);
  });
});
