import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import { declareIncident } from "@/lib/incidents/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { approve, requestChanges, requestReview, withdrawReview } from "@/lib/reviews/mutations";
import { updateReviewPolicy } from "@/lib/reviews/policy-mutations";
import type { ReviewAction } from "@/lib/reviews/transitions";
import { createTeamWith, createUser } from "@/lib/testing/factories";
import { writeEverySection } from "@/lib/testing/postmortems";

/**
 * Every state × action × actor × policy, through the real mutations: who may do what, what is
 * refused (and how), which state it leads to, and that each transition leaves its trail.
 * The expected column is written from the issue, not from the code.
 */
const STATES: PostmortemStatus[] = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"];
const ACTIONS: ReviewAction[] = ["requestReview", "approve", "requestChanges", "withdraw"];
const ACTORS = ["author", "ADMIN", "MEMBER", "VIEWER", "outsider"] as const;
type ActorKind = (typeof ACTORS)[number];

/** "one": any one member other than the author. "two+admin": two approvals, one of them an admin's. */
const POLICIES = {
  one: { approvals: 1, commander: false, admin: false },
  "two+admin": { approvals: 2, commander: false, admin: true },
} as const;
type PolicyName = keyof typeof POLICIES;

type Outcome = { to: PostmortemStatus } | { refused: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" };

function expected(state: PostmortemStatus, action: ReviewAction, actor: ActorKind, policy: PolicyName): Outcome {
  if (actor === "outsider") return { refused: "NOT_FOUND" };
  if (actor === "VIEWER") return { refused: "FORBIDDEN" };
  const deciding = action === "approve" || action === "requestChanges";
  if (deciding && actor === "author") return { refused: "FORBIDDEN" };
  switch (action) {
    case "requestReview":
      return state === "DRAFT" || state === "IN_REVIEW" ? { to: "IN_REVIEW" } : { refused: "CONFLICT" };
    case "approve":
      // In review nobody has approved yet, so this approval alone meets only the one-approval policy.
      if (state === "IN_REVIEW") return { to: policy === "one" ? "APPROVED" : "IN_REVIEW" };
      return state === "APPROVED" ? { to: "APPROVED" } : { refused: "CONFLICT" };
    case "requestChanges":
    case "withdraw":
      return state === "IN_REVIEW" || state === "APPROVED" ? { to: "DRAFT" } : { refused: "CONFLICT" };
  }
}

type Team = Awaited<ReturnType<typeof createTeamWith>> & { pool: string[]; outsider: string };
const teams = {} as Record<PolicyName, Team>;

beforeAll(async () => {
  for (const name of Object.keys(POLICIES) as PolicyName[]) {
    const ctx = await createTeamWith(["ADMIN", "MEMBER", "VIEWER"]);
    // Two reviewers who bring a postmortem to APPROVED under either policy.
    const pool: string[] = [];
    for (const role of ["MEMBER", "ADMIN"] as const) {
      const user = await createUser({ name: `Pool ${role}` });
      await db().membership.create({ data: { teamId: ctx.team.id, userId: user.id, role } });
      pool.push(user.id);
    }
    const outsider = (await createTeamWith()).owner.userId;
    const rule = POLICIES[name];
    const form: Record<string, string> = { teamId: ctx.team.id, factsCountAsChange: "on" };
    for (const sev of ["SEV1", "SEV2", "SEV3", "SEV4"]) {
      form[`${sev}.approvals`] = String(rule.approvals);
      if (rule.commander) form[`${sev}.commander`] = "on";
      if (rule.admin) form[`${sev}.admin`] = "on";
      form[`${sev}.overdueDays`] = "7";
    }
    await updateReviewPolicy(ctx.owner.userId, form);
    teams[name] = { ...ctx, pool, outsider };
  }
}, 60_000);

/** A written postmortem by the team's owner, brought to `state` the way users would. */
async function postmortemIn(team: Team, state: PostmortemStatus, policy: PolicyName) {
  const author = team.owner.userId;
  const incident = await declareIncident(author, { teamId: team.team.id, title: "Matrix" });
  const { id } = await startPostmortem(author, { teamId: team.team.id, incidentId: incident.id, templateId: "builtin:standard", title: "Matrix" });
  const base = { teamId: team.team.id, postmortemId: id };
  const contentVersion = await writeEverySection(id, "Written.", author);
  if (state !== "DRAFT") await requestReview(author, { ...base, reviewerIds: team.pool });
  if (state === "APPROVED" || state === "PUBLISHED") {
    for (const reviewer of team.pool.slice(0, POLICIES[policy].approvals)) await approve(reviewer, { ...base, contentVersion });
  }
  // Publishing is its own issue; until then, a published postmortem is one that was approved.
  if (state === "PUBLISHED") await db().postmortem.update({ where: { id }, data: { status: "PUBLISHED" } });
  expect((await db().postmortem.findUniqueOrThrow({ where: { id } })).status).toBe(state);
  return { id, base, contentVersion };
}

function actorId(team: Team, actor: ActorKind): string {
  if (actor === "author") return team.owner.userId;
  if (actor === "outsider") return team.outsider;
  return team.members[actor]!.userId;
}

function run(action: ReviewAction, userId: string, team: Team, pm: { base: { teamId: string; postmortemId: string }; contentVersion: number }) {
  const reviewer = userId === team.members.MEMBER!.userId ? team.members.ADMIN!.userId : team.members.MEMBER!.userId;
  switch (action) {
    case "requestReview":
      return requestReview(userId, { ...pm.base, reviewerIds: [reviewer] });
    case "approve":
      return approve(userId, { ...pm.base, contentVersion: pm.contentVersion });
    case "requestChanges":
      return requestChanges(userId, { ...pm.base, contentVersion: pm.contentVersion, comment: "Needs more detail." });
    case "withdraw":
      return withdrawReview(userId, pm.base);
  }
}

const trail = async (postmortemId: string) => ({
  versions: await db().postmortemSnapshot.count({ where: { postmortemId, kind: "STATUS" } }),
  audits: await db().auditEvent.count({ where: { targetId: postmortemId, action: "postmortem.status_changed" } }),
  decisions: await db().review.count({ where: { postmortemId } }),
});

describe("review state machine × role × policy, through the mutations", () => {
  for (const policy of Object.keys(POLICIES) as PolicyName[]) {
    for (const state of STATES) {
      for (const action of ACTIONS) {
        for (const actor of ACTORS) {
          const outcome = expected(state, action, actor, policy);
          const label = "to" in outcome ? `→ ${outcome.to}` : `refused (${outcome.refused})`;
          it(`policy ${policy}: ${actor} ${action} on ${state} ${label}`, async () => {
            const team = teams[policy];
            const pm = await postmortemIn(team, state, policy);
            const before = await trail(pm.id);
            const result = await run(action, actorId(team, actor), team, pm).then(
              () => null,
              (e: unknown) => e,
            );
            const after = await trail(pm.id);
            const status = (await db().postmortem.findUniqueOrThrow({ where: { id: pm.id } })).status;
            if ("refused" in outcome) {
              expect(result).toBeInstanceOf(AppError);
              expect((result as AppError).code).toBe(outcome.refused);
              expect(status).toBe(state);
              expect(after).toEqual(before);
              return;
            }
            expect(result).toBeNull();
            expect(status).toBe(outcome.to);
            // A change of state leaves a version and an audit record; deciding always leaves a decision.
            const moved = outcome.to !== state ? 1 : 0;
            expect(after.versions - before.versions).toBeGreaterThanOrEqual(moved);
            expect(after.audits - before.audits).toBe(moved);
            expect(after.decisions - before.decisions).toBe(action === "approve" || action === "requestChanges" ? 1 : 0);
          });
        }
      }
    }
  }
});
