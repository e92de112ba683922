import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent } from "@/lib/timeline/mutations";
import { removeMember } from "@/lib/teams/members";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { approve, requestChanges, requestReview, withdrawReview } from "@/lib/reviews/mutations";
import { updateReviewPolicy } from "@/lib/reviews/policy-mutations";
import { getReviewState } from "@/lib/reviews/queries";
import { listPostmortems, postmortemFiltersSchema } from "@/lib/reviews/list";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { writeEverySection } from "@/lib/testing/postmortems";

async function setup(severity: "SEV1" | "SEV2" | "SEV3" = "SEV3") {
  const ctx = await createTeamWith(["MEMBER", "ADMIN", "VIEWER"]);
  const second = await db().user.create({ data: { name: "Second Member", email: `second-${Date.now()}-${Math.random()}@example.test` }, select: { id: true } });
  await db().membership.create({ data: { teamId: ctx.team.id, userId: second.id, role: "MEMBER" } });
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped", severity });
  const { id } = await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "T" });
  const base = { teamId: ctx.team.id, postmortemId: id };
  return { ...ctx, second: second.id, incident, id, base };
}

const write = writeEverySection;

const status = async (id: string) => (await db().postmortem.findUniqueOrThrow({ where: { id } })).status;
const notes = (userId: string, kind: string) => db().notification.count({ where: { userId, kind } });

describe("requesting review", () => {
  it("is refused while required sections are empty, then asks the named reviewers and tells them", async () => {
    const { owner, members, base, id } = await setup();
    const refused = await rejection(requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] }));
    expect(refused.message).toMatch(/required sections first: Summary, Timeline, Root cause, Resolution and recovery, Corrective and preventive measures/);
    await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    expect(await status(id)).toBe("IN_REVIEW");
    expect(await notes(members.MEMBER!.userId, "review.requested")).toBe(1);
    expect(await db().timelineEvent.count({ where: { incidentId: (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId, body: { startsWith: "Postmortem sent for review" } } })).toBe(1);
    expect(await db().postmortemSnapshot.count({ where: { postmortemId: id, kind: "STATUS" } })).toBe(1);
  });

  it("refuses viewers as reviewers, the author as reviewer, and outsiders", async () => {
    const { owner, members, base, id } = await setup();
    const other = await setup();
    await write(id, "Written.", owner.userId);
    expect((await rejection(requestReview(owner.userId, { ...base, reviewerIds: [members.VIEWER!.userId] }))).fields?.reviewerIds).toBeDefined();
    expect((await rejection(requestReview(owner.userId, { ...base, reviewerIds: [owner.userId] }))).fields?.reviewerIds).toBeDefined();
    expect((await rejection(requestReview(owner.userId, { ...base, reviewerIds: [other.owner.userId] }))).fields?.reviewerIds).toBeDefined();
    expect((await rejection(requestReview(members.VIEWER!.userId, { ...base, reviewerIds: [members.MEMBER!.userId] }))).code).toBe("FORBIDDEN");
    expect((await rejection(requestReview(other.owner.userId, { ...other.base, postmortemId: id, reviewerIds: [other.second] }))).code).toBe("NOT_FOUND");
  });
});

describe("approving", () => {
  it("ties each approval to a version; twice, stale versions, viewers, the author and former members are refused", async () => {
    const { owner, members, second, base, id, team } = await setup();
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId, second] });
    expect((await rejection(approve(members.MEMBER!.userId, { ...base, contentVersion: v - 1 }))).message).toMatch(/changed while you were reading/);
    expect((await rejection(approve(owner.userId, { ...base, contentVersion: v }))).code).toBe("FORBIDDEN");
    expect((await rejection(approve(members.VIEWER!.userId, { ...base, contentVersion: v }))).code).toBe("FORBIDDEN");
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    expect(await status(id)).toBe("APPROVED");
    expect((await rejection(approve(members.MEMBER!.userId, { ...base, contentVersion: v }))).message).toMatch(/already approved version/);
    const review = await db().review.findFirstOrThrow({ where: { postmortemId: id } });
    expect(review).toMatchObject({ decision: "APPROVED", contentVersion: v, contentHash: (await db().postmortem.findUniqueOrThrow({ where: { id } })).contentHash });
    await removeMember(owner.userId, { teamId: team.id, membershipId: (await db().membership.findFirstOrThrow({ where: { teamId: team.id, userId: second } })).id });
    expect((await rejection(approve(second, { ...base, contentVersion: v }))).code).toBe("NOT_FOUND");
  });

  it("two reviewers approving at the same instant: both recorded, one transition", async () => {
    const { owner, members, second, base, id } = await setup("SEV2");
    await db().incident.update({ where: { id: (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId }, data: { commanderId: members.MEMBER!.userId } });
    const v = (await db().postmortem.findUniqueOrThrow({ where: { id } })).contentVersion;
    const written = await write(id, "Written.", owner.userId);
    expect(written).toBeGreaterThan(v);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId, second] });
    await Promise.all([approve(members.MEMBER!.userId, { ...base, contentVersion: written }), approve(second, { ...base, contentVersion: written })]);
    expect(await db().review.count({ where: { postmortemId: id, decision: "APPROVED" } })).toBe(2);
    expect(await status(id)).toBe("APPROVED");
    const incidentId = (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId;
    expect(await db().timelineEvent.count({ where: { incidentId, body: { startsWith: "Postmortem approved" } } })).toBe(1);
  });

  it("SEV1 needs the commander and an admin; the checklist says what is missing", async () => {
    const { owner, members, second, base, id, team, incident } = await setup("SEV1");
    // The owner declared the incident and wrote the postmortem; command passed to someone else.
    await db().incident.update({ where: { id: incident.id }, data: { commanderId: members.VIEWER!.userId } });
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId, second, members.ADMIN!.userId] });
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    await approve(second, { ...base, contentVersion: v });
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    let state = await getReviewState(actor, team.id, id);
    expect(state.result.met).toBe(false);
    expect(state.result.checklist.filter((c) => !c.met).map((c) => c.label)).toEqual(["Incident commander approved", "An admin or owner approved"]);
    await db().incident.update({ where: { id: incident.id }, data: { commanderId: members.ADMIN!.userId } });
    const v2 = (await db().postmortem.findUniqueOrThrow({ where: { id } })).contentVersion;
    await approve(members.ADMIN!.userId, { ...base, contentVersion: v2 });
    state = await getReviewState(actor, team.id, id);
    // Changing the commander changed the facts: the first two approvals went stale.
    expect(state.result.checklist.find((c) => c.label.includes("approvals"))?.label).toBe("1 of 2 approvals");
    expect(await status(id)).toBe("IN_REVIEW");
  });

  it("a commander who wrote the postmortem signs it off by sending it; an admin and another member approve", async () => {
    const { owner, members, base, id, team } = await setup("SEV1");
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId, members.ADMIN!.userId] });
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    expect(await status(id)).toBe("IN_REVIEW");
    await approve(members.ADMIN!.userId, { ...base, contentVersion: v });
    expect(await status(id)).toBe("APPROVED");
    const state = await getReviewState({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id, id);
    expect(state.result.checklist).toContainEqual({ label: "Incident commander wrote it and sent it for review", met: true });
  });
});

describe("stale approvals", () => {
  it("an edit after approval makes it stale, tells the reviewer, and puts the postmortem back in review", async () => {
    const { owner, members, base, id, team } = await setup();
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    expect(await status(id)).toBe("APPROVED");
    await write(id, "Rewritten after approval.", owner.userId);
    expect(await status(id)).toBe("IN_REVIEW");
    expect(await notes(members.MEMBER!.userId, "review.stale")).toBe(1);
    const state = await getReviewState({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id, id);
    expect(state.record[0]).toMatchObject({ decision: "APPROVED", contentVersion: v, stale: true });
    expect(state.result.met).toBe(false);
  });

  it("a new timeline event counts as a change unless the team says otherwise", async () => {
    const { owner, members, base, id, team } = await setup();
    const incidentId = (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId;
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    const versionsBefore = await db().postmortemSnapshot.count({ where: { postmortemId: id, kind: "STATUS" } });
    await addEvent(owner.userId, { teamId: team.id, incidentId, kind: "NOTE", body: "Found one more log line." });
    expect(await status(id)).toBe("IN_REVIEW");
    expect(await notes(members.MEMBER!.userId, "review.stale")).toBe(1);
    // The same trail as any other transition: a timeline line, a version and an audit record.
    expect(await db().timelineEvent.count({ where: { incidentId, body: { startsWith: "Postmortem back in review: the incident's facts changed" } } })).toBe(1);
    expect(await db().postmortemSnapshot.count({ where: { postmortemId: id, kind: "STATUS" } })).toBe(versionsBefore + 1);
    expect(await db().auditEvent.findFirst({ where: { targetId: id, action: "postmortem.status_changed" }, orderBy: { createdAt: "desc" }, select: { data: true } })).toMatchObject({
      data: { from: "APPROVED", to: "IN_REVIEW", reason: "facts_changed" },
    });

    const policy = (facts: boolean) => ({
      teamId: team.id,
      ...(facts ? { factsCountAsChange: "on" } : {}),
      ...Object.fromEntries(["SEV1", "SEV2", "SEV3", "SEV4"].flatMap((s) => [[`${s}.approvals`, "1"], [`${s}.overdueDays`, "7"]])),
    });
    await updateReviewPolicy(owner.userId, policy(false));
    const v2 = (await db().postmortem.findUniqueOrThrow({ where: { id } })).contentVersion;
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v2 });
    expect(await status(id)).toBe("APPROVED");
    await addEvent(owner.userId, { teamId: team.id, incidentId, kind: "NOTE", body: "And another." });
    expect(await status(id)).toBe("APPROVED");
  });

  it("a fact change after publication sends it back to review too", async () => {
    const { owner, members, base, id, team } = await setup();
    const incidentId = (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId;
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    await db().postmortem.update({ where: { id }, data: { status: "PUBLISHED" } });
    await addEvent(owner.userId, { teamId: team.id, incidentId, kind: "NOTE", body: "A correction." });
    expect(await status(id)).toBe("IN_REVIEW");
    expect(await db().timelineEvent.count({ where: { incidentId, body: "Postmortem back in review: the incident's facts changed after it was published." } })).toBe(1);
  });

  it("a decision names the facts it was made on: refused when they changed meanwhile, if the team counts them", async () => {
    const { owner, members, second, base, id, team } = await setup();
    const incidentId = (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId;
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId, second] });
    const read = (await db().postmortem.findUniqueOrThrow({ where: { id } })).factsVersion;
    await addEvent(owner.userId, { teamId: team.id, incidentId, kind: "NOTE", body: "Late finding." });
    const refused = await rejection(approve(members.MEMBER!.userId, { ...base, contentVersion: v, factsVersion: read }));
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect(refused.message).toMatch(/timeline, tasks or times changed while you were reading/);
    expect((await rejection(requestChanges(second, { ...base, contentVersion: v, factsVersion: read, comment: "No." }))).code).toBe("CONFLICT");
    expect(await db().review.count({ where: { postmortemId: id } })).toBe(0);
    const now = (await db().postmortem.findUniqueOrThrow({ where: { id } })).factsVersion;
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v, factsVersion: now });
    expect(await status(id)).toBe("APPROVED");
  });
});

describe("changes requested, withdrawal and policy changes", () => {
  it("changes requested send it back to draft with the comment on the timeline; the author is told", async () => {
    const { owner, members, base, id } = await setup();
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    expect((await rejection(requestChanges(members.MEMBER!.userId, { ...base, contentVersion: v, comment: " " }))).fields?.comment).toBeDefined();
    await requestChanges(members.MEMBER!.userId, { ...base, contentVersion: v, comment: "Add the EXPLAIN output." });
    expect(await status(id)).toBe("DRAFT");
    expect(await notes(owner.userId, "review.changes_requested")).toBe(1);
    expect((await rejection(approve(members.MEMBER!.userId, { ...base, contentVersion: v }))).code).toBe("CONFLICT");
    const incidentId = (await db().postmortem.findUniqueOrThrow({ where: { id } })).incidentId;
    expect(await db().timelineEvent.count({ where: { incidentId, body: { contains: "Add the EXPLAIN output." } } })).toBe(1);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    await withdrawReview(owner.userId, base);
    expect(await status(id)).toBe("DRAFT");
  });

  it("a stricter policy sends an approved postmortem back to review; bad policy input gets field errors", async () => {
    const { owner, members, base, id, team } = await setup();
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    await approve(members.MEMBER!.userId, { ...base, contentVersion: v });
    const form = (approvals: string) => ({
      teamId: team.id,
      factsCountAsChange: "on",
      ...Object.fromEntries(["SEV1", "SEV2", "SEV3", "SEV4"].flatMap((s) => [[`${s}.approvals`, approvals], [`${s}.overdueDays`, "7"]])),
    });
    expect((await rejection(updateReviewPolicy(owner.userId, form("0")))).fields?.["SEV3.approvals"]).toBeDefined();
    expect((await rejection(updateReviewPolicy(members.MEMBER!.userId, form("2")))).code).toBe("FORBIDDEN");
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    expect((await getReviewState(actor, team.id, id)).policyChangedDuringReview).toBeNull();
    expect(await updateReviewPolicy(owner.userId, form("2"))).toEqual({ changed: 1 });
    expect(await status(id)).toBe("IN_REVIEW");
    // The review view says the policy changed during the review, and shows the new rule's checklist.
    const state = await getReviewState(actor, team.id, id);
    expect(state.policyChangedDuringReview).toBeInstanceOf(Date);
    expect(state.result.checklist[0]).toEqual({ label: "1 of 2 approvals", met: false });
  });
});

describe("the team's postmortem list", () => {
  it("shows awaiting-my-review and overdue incidents (including ones without a postmortem)", async () => {
    const { owner, members, base, id, team } = await setup();
    const v = await write(id, "Written.", owner.userId);
    await requestReview(owner.userId, { ...base, reviewerIds: [members.MEMBER!.userId] });
    const memberActor = { userId: members.MEMBER!.userId, teamId: team.id, role: "MEMBER" as const };
    const mine = await listPostmortems(memberActor, team.id, postmortemFiltersSchema.parse({ view: "mine" }));
    expect(mine.items.map((r) => r.id)).toEqual([id]);
    expect(v).toBeGreaterThan(1);
    const lonely = await declareIncident(owner.userId, { teamId: team.id, title: "Never written up" });
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await db().incident.updateMany({ where: { teamId: team.id }, data: { status: "RESOLVED", resolvedAt: longAgo, startedAt: new Date(longAgo.getTime() - 3_600_000), detectedAt: new Date(longAgo.getTime() - 3_600_000) } });
    const overdue = await listPostmortems(memberActor, team.id, postmortemFiltersSchema.parse({ view: "overdue" }));
    expect(overdue.items.map((r) => r.incidentTitle).sort()).toEqual(["Never written up", "Reports stopped"]);
    expect(overdue.items.find((r) => r.incidentTitle === "Never written up")?.id).toBeNull();
    expect(lonely.number).toBe(2);
  });
});
