import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getIncidentDetail, loadIncidentPage } from "@/lib/incidents/page-data";
import { getIncident } from "@/lib/incidents/queries";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { TIMELINE_WINDOW } from "@/lib/timeline/queries";
import { createTeamWith } from "@/lib/testing/factories";
import { captureQueries } from "@/lib/testing/explain";

/** The statements one incident page view sends, pinned so a regression (an N+1, a redundant read) fails here. */
const PAGE_STATEMENTS = 9;

describe("the incident page's data", () => {
  it("reads a 300-event incident in a fixed number of statements, the newest window and the older starred ones", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Big one", startedAt: "2024-03-01T09:00", timeZone: "UTC" });
    await db().timelineEvent.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        teamId: team.id,
        incidentId: incident.id,
        kind: "NOTE" as const,
        body: `line ${i}`,
        authorId: owner.userId,
        starred: i % 100 === 0,
        occurredAt: new Date(Date.UTC(2024, 2, 1, 10, 0, i)),
      })),
    });
    const context = { team: { ...team, requireTaskVerification: false }, actor: { userId: owner.userId, teamId: team.id, role: "OWNER" as const } };
    let page: Awaited<ReturnType<typeof loadIncidentPage>> | undefined;
    const statements = await captureQueries(async () => {
      page = await loadIncidentPage(context, incident.number);
    });
    expect(statements.map((s) => s.sql.slice(0, 80))).toHaveLength(PAGE_STATEMENTS);
    expect(page!.timeline.events).toHaveLength(TIMELINE_WINDOW);
    expect(page!.timeline.earlier).not.toBeNull();
    // Starred lines 0, 100 and 200 are older than the window; 300 events + the system line, so the window starts at line 201.
    expect(page!.timeline.starredEarlier.map((e) => e.body)).toEqual(["line 0", "line 100", "line 200"]);
  });
});

describe("the incident page's incident", () => {
  it("is exactly what getIncident returns, people and services included, in one statement", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Shape", timeZone: "Europe/Berlin" });
    await db().service.createMany({ data: [{ teamId: team.id, name: "zeta" }, { teamId: team.id, name: "alpha" }] });
    await updateIncident(owner.userId, { teamId: team.id, incidentId: incident.id, version: 1, commanderId: members.MEMBER!.userId, services: "zeta, alpha", usersAffectedPct: "12" });
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    const statements = await captureQueries(async () => {
      expect(await getIncidentDetail(actor, team.id, incident.number)).toEqual(await getIncident(actor, team.id, incident.number));
    });
    expect(statements.filter((s) => s.sql.includes("json_build_object"))).toHaveLength(1);
    expect(await getIncidentDetail(actor, team.id, 999_999)).toBeNull();
  });
});
