import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import { addEvent, editEvent } from "@/lib/timeline/mutations";
import { createTask } from "@/lib/tasks/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { approve, requestReview } from "@/lib/reviews/mutations";
import { getReviewState } from "@/lib/reviews/queries";
import { drainFactsChanges } from "@/lib/reviews/facts-changes";
import { createTeamWith } from "@/lib/testing/factories";
import { writeEverySection } from "@/lib/testing/postmortems";

/** An approved SEV3 postmortem (one approval needed) with a user event and a task on its incident. */
async function approved() {
  const ctx = await createTeamWith(["MEMBER", "ADMIN"]);
  const owner = ctx.owner.userId;
  const reviewer = ctx.members.MEMBER!.userId;
  const incident = await declareIncident(owner, { teamId: ctx.team.id, title: "Queue backlog", severity: "SEV3" });
  const event = await addEvent(owner, { teamId: ctx.team.id, incidentId: incident.id, kind: "ACTION", body: "Scaled the consumers.", occurredAt: "2026-11-01T10:00" });
  const task = await createTask(owner, { teamId: ctx.team.id, incidentId: incident.id, title: "Alert on queue depth", type: "DETECTIVE" });
  const { id } = await startPostmortem(owner, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "Queue backlog" });
  const base = { teamId: ctx.team.id, postmortemId: id };
  const contentVersion = await writeEverySection(id, "Written.", owner);
  await requestReview(owner, { ...base, reviewerIds: [reviewer, ctx.members.ADMIN!.userId] });
  await approve(reviewer, { ...base, contentVersion });
  expect(await statusOf(id)).toBe("APPROVED");
  return { ...ctx, owner, reviewer, incident, event, task, id, base, contentVersion };
}

const statusOf = async (id: string) => (await db().postmortem.findUniqueOrThrow({ where: { id } })).status;
const queued = (postmortemId: string) => db().postmortemFactsChange.findMany({ where: { postmortemId }, select: { factsVersion: true, source: true, sourceId: true } });
const trail = async (postmortemId: string, incidentId: string) => ({
  transitions: await db().auditEvent.count({ where: { targetId: postmortemId, action: "postmortem.status_changed", data: { path: ["reason"], equals: "facts_changed" } } }),
  versions: await db().postmortemSnapshot.count({ where: { postmortemId, kind: "STATUS", name: "Approved → In review" } }),
  lines: await db().timelineEvent.count({ where: { incidentId, body: { startsWith: "Postmortem back in review: the incident's facts changed" } } }),
});

describe("a change of the incident's facts after approval", () => {
  it("a timeline edit makes the approval stale and sends the postmortem back to review; the reviewer is told with the team's incident label and a link to the review", async () => {
    const pm = await approved();
    await editEvent(pm.owner, { teamId: pm.team.id, eventId: pm.event.id, version: 1, kind: "ACTION", body: "Scaled the consumers to 12.", occurredAt: "2026-11-01T10:00" });

    expect(await statusOf(pm.id)).toBe("IN_REVIEW");
    expect((await db().review.findFirstOrThrow({ where: { postmortemId: pm.id } })).staleAt).toBeInstanceOf(Date);
    const note = await db().notification.findFirstOrThrow({ where: { userId: pm.reviewer, kind: "review.stale" } });
    expect(note.message).toBe(`Your approval of the postmortem of ${formatIncidentNumber(pm.incident.number)} is stale: the incident's facts changed`);
    expect(note.href).toBe(`/t/${pm.team.slug}/incidents/${pm.incident.number}/postmortem/review`);
    expect(existsSync("app/(app)/t/[team]/incidents/[number]/postmortem/review/page.tsx")).toBe(true);
    // Reviewers who had not approved are not told anything.
    expect(await db().notification.count({ where: { userId: pm.members.ADMIN!.userId, kind: "review.stale" } })).toBe(0);

    // The trail of any transition, naming who changed the facts; settled in the edit's own transaction.
    expect(await trail(pm.id, pm.incident.id)).toEqual({ transitions: 1, versions: 1, lines: 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetId: pm.id, action: "postmortem.status_changed", data: { path: ["reason"], equals: "facts_changed" } } });
    expect(audit).toMatchObject({ actorId: pm.owner, data: { from: "APPROVED", to: "IN_REVIEW", reason: "facts_changed" } });
    expect(await db().timelineEvent.findFirstOrThrow({ where: { incidentId: pm.incident.id, body: "Postmortem back in review: the incident's facts changed after it was approved." } })).toMatchObject({ source: "SYSTEM", authorId: pm.owner });
    expect(await queued(pm.id)).toEqual([]);
  });

  it("an incident edit that changes no fact (the title) leaves the approval alone", async () => {
    const pm = await approved();
    const factsVersion = (await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).factsVersion;
    const { version } = await db().incident.findUniqueOrThrow({ where: { id: pm.incident.id }, select: { version: true } });
    await updateIncident(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, version, title: "Queue backlog on orders" });
    expect(await statusOf(pm.id)).toBe("APPROVED");
    expect((await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).factsVersion).toBe(factsVersion);
    await updateIncident(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, version: version + 1, impact: "Orders were delayed by up to 20 minutes." });
    expect(await statusOf(pm.id)).toBe("IN_REVIEW");
  });
});

describe("facts changed around lib (raw SQL, imports)", () => {
  it("are recorded by the database in the same transaction and settled by the background drain", async () => {
    const pm = await approved();
    const before = (await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).factsVersion;
    await db().$executeRaw`UPDATE "Task" SET title = 'Alert on queue depth and age' WHERE id = ${pm.task.id}`;

    // Recorded: the facts moved on and the change is queued. Decided: nothing yet, but the
    // approval on the older facts already no longer counts.
    expect((await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).factsVersion).toBe(before + 1);
    expect(await queued(pm.id)).toEqual([{ factsVersion: before + 1, source: "Task", sourceId: pm.task.id }]);
    expect(await statusOf(pm.id)).toBe("APPROVED");
    const actor = { userId: pm.owner, teamId: pm.team.id, role: "OWNER" as const };
    expect((await getReviewState(actor, pm.team.id, pm.id)).result.met).toBe(false);

    expect(await drainFactsChanges(new Date())).toBeGreaterThanOrEqual(1);
    expect(await statusOf(pm.id)).toBe("IN_REVIEW");
    expect(await queued(pm.id)).toEqual([]);
    expect(await db().notification.findFirstOrThrow({ where: { userId: pm.reviewer, kind: "review.stale" } })).toMatchObject({
      message: `Your approval of the postmortem of ${formatIncidentNumber(pm.incident.number)} is stale: the incident's facts changed`,
      href: `/t/${pm.team.slug}/incidents/${pm.incident.number}/postmortem/review`,
    });
    expect(await trail(pm.id, pm.incident.id)).toEqual({ transitions: 1, versions: 1, lines: 1 });
    // Nobody is named: the change came from outside the app.
    expect(await db().auditEvent.findFirstOrThrow({ where: { targetId: pm.id, action: "postmortem.status_changed", data: { path: ["reason"], equals: "facts_changed" } } })).toMatchObject({ actorId: null });

    await drainFactsChanges(new Date());
    expect(await trail(pm.id, pm.incident.id)).toEqual({ transitions: 1, versions: 1, lines: 1 });
  });

  it("an approval given on the new facts before the drain ran still counts; only the older one goes stale", async () => {
    const pm = await approved();
    await db().$executeRaw`UPDATE "Incident" SET "usersAffectedPct" = 12 WHERE id = ${pm.incident.id}`;
    const { factsVersion } = await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } });
    await approve(pm.members.ADMIN!.userId, { ...pm.base, contentVersion: pm.contentVersion, factsVersion });

    await drainFactsChanges(new Date());
    expect(await statusOf(pm.id)).toBe("APPROVED");
    const reviews = await db().review.findMany({ where: { postmortemId: pm.id }, select: { reviewerId: true, staleAt: true } });
    expect(reviews.find((r) => r.reviewerId === pm.reviewer)?.staleAt).toBeInstanceOf(Date);
    expect(reviews.find((r) => r.reviewerId === pm.members.ADMIN!.userId)?.staleAt).toBeNull();
    expect(await queued(pm.id)).toEqual([]);
  });
});

describe("concurrent facts changes", () => {
  it("two changes through lib at the same instant: both recorded, one transition, one notice", async () => {
    const pm = await approved();
    const before = (await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).factsVersion;
    await Promise.all([
      addEvent(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, kind: "NOTE", body: "Consumer lag peaked at 40k." }),
      createTask(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, title: "Autoscale consumers", type: "PREVENTIVE" }),
    ]);
    expect((await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).factsVersion).toBe(before + 2);
    expect(await statusOf(pm.id)).toBe("IN_REVIEW");
    expect(await trail(pm.id, pm.incident.id)).toEqual({ transitions: 1, versions: 1, lines: 1 });
    expect(await db().notification.count({ where: { userId: pm.reviewer, kind: "review.stale" } })).toBe(1);
    expect(await queued(pm.id)).toEqual([]);
  });

  it("timeline entries and incident edits at the same instants all succeed (no deadlock), with one transition", async () => {
    const pm = await approved();
    const failures: unknown[] = [];
    for (let round = 0; round < 10; round++) {
      const { version } = await db().incident.findUniqueOrThrow({ where: { id: pm.incident.id }, select: { version: true } });
      const results = await Promise.allSettled([
        addEvent(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, kind: "NOTE", body: `Finding ${round}.` }),
        updateIncident(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, version, impact: `Impact, revision ${round}.` }),
      ]);
      failures.push(...results.filter((r) => r.status === "rejected").map((r) => r.reason));
    }
    expect(failures).toEqual([]);
    expect(await statusOf(pm.id)).toBe("IN_REVIEW");
    expect(await trail(pm.id, pm.incident.id)).toEqual({ transitions: 1, versions: 1, lines: 1 });
    expect(await queued(pm.id)).toEqual([]);
  });

  it("a change through lib while the drain settles one made around it: one transition", async () => {
    const pm = await approved();
    await db().$executeRaw`UPDATE "TimelineEvent" SET starred = true WHERE id = ${pm.event.id}`;
    await Promise.all([
      drainFactsChanges(new Date()),
      drainFactsChanges(new Date()),
      addEvent(pm.owner, { teamId: pm.team.id, incidentId: pm.incident.id, kind: "NOTE", body: "Backlog cleared at 11:40." }),
    ]);
    expect(await statusOf(pm.id)).toBe("IN_REVIEW");
    expect(await trail(pm.id, pm.incident.id)).toEqual({ transitions: 1, versions: 1, lines: 1 });
    expect(await queued(pm.id)).toEqual([]);
  });
});
