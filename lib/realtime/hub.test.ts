import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent, editEvent } from "@/lib/timeline/mutations";
import { IncidentHub, type Viewer } from "@/lib/realtime/hub";
import { LISTEN_APPLICATION_NAME } from "@/lib/realtime/listen-connection";
import type { ChangesPayload } from "@/lib/realtime/messages";
import { createTeamWith } from "@/lib/testing/factories";
import { captureQueries } from "@/lib/testing/explain";

/** A viewer that records every frame it is sent, with a way to wait for one. */
function recordingViewer(userId: string) {
  const frames: string[] = [];
  let closed = false;
  const viewer: Viewer = { userId, send: (frame) => frames.push(frame), close: () => (closed = true) };
  const changes = () =>
    frames.filter((f) => f.includes("event: changes")).map((f) => JSON.parse(f.slice(f.indexOf("data: ") + 6)) as ChangesPayload);
  const bodies = () => changes().flatMap((c) => c.events.map((e) => e.body));
  return { viewer, frames, changes, bodies, isClosed: () => closed };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Kills this hub's LISTEN connection from the server side, as a PostgreSQL restart or a failover would. */
async function terminateListener(): Promise<number> {
  const rows = await db().$queryRaw<{ killed: boolean }[]>`
    SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
    WHERE application_name = ${LISTEN_APPLICATION_NAME} AND datname = current_database() AND query ILIKE 'LISTEN%'`;
  return rows.filter((r) => r.killed).length;
}

const hubs: IncidentHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
});

function newHub(): IncidentHub {
  const hub = new IncidentHub(process.env.DATABASE_URL!);
  hubs.push(hub);
  return hub;
}

describe("the incident hub", () => {
  it("sends a new or edited event to every viewer as data, one fetch and one permission check per change", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER", "VIEWER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Live data" });
    const hub = newHub();
    const viewers = [recordingViewer(owner.userId), recordingViewer(members.MEMBER!.userId), recordingViewer(members.VIEWER!.userId)];
    for (const v of viewers) await hub.subscribe(team.id, incident.id, v.viewer);

    let added: { id: string } | undefined;
    const queries = await captureQueries(async () => {
      added = await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, kind: "ACTION", body: "Restarted the pool" });
      await until(() => viewers.every((v) => v.bodies().includes("Restarted the pool")), "the new event");
    });
    // For three viewers, one read of what changed and one membership check for all of them.
    expect(queries.filter((q) => /"TimelineEvent"/.test(q.sql) && /"updatedAt" >/.test(q.sql))).toHaveLength(1);
    expect(queries.filter((q) => /FROM "public"."Membership"/.test(q.sql) && /"userId" IN \(/.test(q.sql))).toHaveLength(1);

    const event = viewers[0]!.changes().flatMap((c) => c.events).find((e) => e.id === added!.id)!;
    expect(event).toMatchObject({ kind: "ACTION", body: "Restarted the pool", author: { id: owner.userId } });

    await editEvent(owner.userId, { teamId: team.id, eventId: added!.id, version: 1, kind: "NOTE", body: "Restarted the pool twice", occurredAt: "2024-01-01T10:00" });
    await until(() => viewers.every((v) => v.bodies().includes("Restarted the pool twice")), "the edited event");
    // Each version goes out once, however often the overlap window re-reads it.
    expect(viewers[1]!.bodies().filter((b) => b === "Restarted the pool")).toHaveLength(1);
  });

  it("tells viewers it is reconnecting when the LISTEN connection dies, and catches them up on what they missed", async () => {
    const { team, owner } = await createTeamWith();
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Reconnect" });
    const hub = newHub();
    const watcher = recordingViewer(owner.userId);
    await hub.subscribe(team.id, incident.id, watcher.viewer);

    await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "before the outage" });
    await until(() => watcher.bodies().includes("before the outage"), "the first event");

    expect(await terminateListener()).toBe(1);
    await until(() => watcher.frames.some((f) => f.includes('"reconnecting"')), "the reconnecting status");
    // Written while nobody listens: its NOTIFY is lost, the catch-up must find it.
    await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "during the outage" });
    await until(() => watcher.frames.some((f) => f.includes('"live"')), "the live status", 20_000);
    await until(() => watcher.bodies().includes("during the outage"), "the missed event");

    // And it keeps listening after the reconnect, through a second outage too.
    expect(await terminateListener()).toBe(1);
    await until(() => hub.listening, "the second reconnect", 20_000);
    await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "after the outages" });
    await until(() => watcher.bodies().includes("after the outages"), "the next event");
  }, 60_000);

  it("stops a viewer who lost access at the next change, and keeps the others", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const incident = await declareIncident(owner.userId, { teamId: team.id, title: "Revoked" });
    const hub = newHub();
    const stays = recordingViewer(owner.userId);
    const leaves = recordingViewer(members.MEMBER!.userId);
    await hub.subscribe(team.id, incident.id, stays.viewer);
    await hub.subscribe(team.id, incident.id, leaves.viewer);
    await db().membership.delete({ where: { id: members.MEMBER!.membershipId } });

    await addEvent(owner.userId, { teamId: team.id, incidentId: incident.id, body: "members only" });
    await until(() => stays.bodies().includes("members only") && leaves.isClosed(), "delivery and revocation");
    expect(leaves.bodies()).not.toContain("members only");
    expect(leaves.frames.some((f) => f.includes("event: revoked"))).toBe(true);
  });
});
