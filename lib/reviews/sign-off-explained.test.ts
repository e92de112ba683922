import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents/mutations";
import { addEvent } from "@/lib/timeline/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { storeDocumentState } from "@/lib/postmortems/store";
import { documentFromUpdate, replaceDocumentContent } from "@/lib/postmortems/document";
import { approve, requestReview } from "@/lib/reviews/mutations";
import { getReviewState } from "@/lib/reviews/queries";
import { listPostmortems, postmortemFiltersSchema } from "@/lib/reviews/list";
import { DEFAULT_POLICY } from "@/lib/reviews/policy";
import { BUILT_IN_TEMPLATES } from "@/lib/postmortems/templates/builtin";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { writeEverySection } from "@/lib/testing/postmortems";

async function twoPersonTeam(approvals: number) {
  const ctx = await createTeamWith(["MEMBER"]);
  const policy = { ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, SEV3: { approvals, commander: false, admin: false } } };
  await db().team.update({ where: { id: ctx.team.id }, data: { reviewPolicy: policy } });
  const incident = await declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title: "Reports stopped", severity: "SEV3" });
  const { id } = await startPostmortem(ctx.owner.userId, { teamId: ctx.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "T" });
  return { ...ctx, incident, id, base: { teamId: ctx.team.id, postmortemId: id } };
}

const owner = (ctx: Awaited<ReturnType<typeof twoPersonTeam>>) => ({ userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const });
const member = (ctx: Awaited<ReturnType<typeof twoPersonTeam>>) => ({ userId: ctx.members.MEMBER!.userId, teamId: ctx.team.id, role: "MEMBER" as const });

describe("sign-off that explains itself", () => {
  it("a two-person team under a policy it cannot meet is told who is missing, and admins where to change it", async () => {
    const ctx = await twoPersonTeam(2);
    const state = await getReviewState(owner(ctx), ctx.team.id, ctx.id);
    expect(state.shortfall.possible).toBe(false);
    expect(state.shortfall.messages).toEqual(["Needs 2 more approvals from someone other than the author; only 1 eligible member: MEMBER user."]);
    expect(state.canEditPolicy).toBe(true);
    expect((await getReviewState(member(ctx), ctx.team.id, ctx.id)).canEditPolicy).toBe(false);
    // After the one eligible member approves, it still says what is missing.
    const v = await writeEverySection(ctx.id, "Written.", ctx.owner.userId);
    await requestReview(ctx.owner.userId, { ...ctx.base, reviewerIds: [ctx.members.MEMBER!.userId] });
    await approve(ctx.members.MEMBER!.userId, { ...ctx.base, contentVersion: v });
    const after = await getReviewState(owner(ctx), ctx.team.id, ctx.id);
    expect(after.shortfall.messages).toEqual(["Needs 1 more approval from someone other than the author; only 1 eligible member: MEMBER user."]);
  });

  it("a policy the team can meet names who is eligible", async () => {
    const ctx = await twoPersonTeam(1);
    const state = await getReviewState(owner(ctx), ctx.team.id, ctx.id);
    expect(state.shortfall).toMatchObject({ possible: true, messages: ["Needs 1 more approval from someone other than the author. Eligible: MEMBER user."] });
  });

  it("the Postmortems list and the review page count approvals the same way", async () => {
    const ctx = await twoPersonTeam(1);
    const second = await db().user.create({ data: { name: "Second Member", email: `second-${Date.now()}-${Math.random()}@example.test` }, select: { id: true } });
    await db().membership.create({ data: { teamId: ctx.team.id, userId: second.id, role: "MEMBER" } });
    const v = await writeEverySection(ctx.id, "Written.", ctx.owner.userId);
    await requestReview(ctx.owner.userId, { ...ctx.base, reviewerIds: [ctx.members.MEMBER!.userId, second.id] });
    const both = async () => {
      const state = await getReviewState(owner(ctx), ctx.team.id, ctx.id);
      const row = (await listPostmortems(owner(ctx), ctx.team.id, postmortemFiltersSchema.parse({}))).items.find((r) => r.id === ctx.id)!;
      return { page: state.result.checklist[0]!.label, list: `${row.approvals} of ${row.required} approvals` };
    };
    expect(await both()).toEqual({ page: "0 of 1 approvals", list: "0 of 1 approvals" });
    await approve(ctx.members.MEMBER!.userId, { ...ctx.base, contentVersion: v });
    expect(await both()).toEqual({ page: "1 of 1 approvals", list: "1 of 1 approvals" });
    // A change to the incident's facts makes the approval stale: both stop counting it.
    await addEvent(ctx.owner.userId, { teamId: ctx.team.id, incidentId: ctx.incident.id, kind: "ACTION", body: "Restarted the workers" });
    expect(await both()).toEqual({ page: "0 of 1 approvals", list: "0 of 1 approvals" });
  });

  it("after approving, the reviewer is told which version they approved", async () => {
    const ctx = await twoPersonTeam(1);
    const v = await writeEverySection(ctx.id, "Written.", ctx.owner.userId);
    await requestReview(ctx.owner.userId, { ...ctx.base, reviewerIds: [ctx.members.MEMBER!.userId] });
    expect((await getReviewState(member(ctx), ctx.team.id, ctx.id)).myApproval).toBeNull();
    await approve(ctx.members.MEMBER!.userId, { ...ctx.base, contentVersion: v });
    expect((await getReviewState(member(ctx), ctx.team.id, ctx.id)).myApproval).toEqual({ version: v });
    expect((await getReviewState(owner(ctx), ctx.team.id, ctx.id)).myApproval).toBeNull();
  });

  it("a required section is satisfied by the team's own words, not by a live block alone", async () => {
    const ctx = await twoPersonTeam(1);
    // Write in every section except the summary, whose live block stays alone.
    const row = await db().postmortem.findUniqueOrThrow({ where: { id: ctx.id } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.ydoc));
    const json = documentFromUpdate(new Uint8Array(row.ydoc));
    let section = "";
    json.content = (json.content ?? []).map((node) => {
      if (node.type === "heading") section = node.content?.[0]?.text ?? "";
      return node.type === "paragraph" && section !== "Summary" ? { type: "paragraph", content: [{ type: "text", text: "Written." }] } : node;
    });
    replaceDocumentContent(doc, json);
    await storeDocumentState(ctx.id, Y.encodeStateAsUpdate(doc), [ctx.owner.userId]);
    const refused = await rejection(requestReview(ctx.owner.userId, { ...ctx.base, reviewerIds: [ctx.members.MEMBER!.userId] }));
    expect(refused.message).toBe("Fill in the required sections first: Summary.");
  });

  it("the standard template's description names its sections", () => {
    const standard = BUILT_IN_TEMPLATES.find((t) => t.id === "builtin:standard")!;
    for (const section of standard.sections) expect(standard.description.toLowerCase(), section.heading).toContain(section.heading.toLowerCase());
  });
});
