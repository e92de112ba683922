import { describe, expect, it } from "vitest";
import { can } from "@/lib/authz";
import type { PostmortemStatus, Role } from "@/lib/generated/prisma/enums";
import { evaluatePolicy, type Approval } from "@/lib/reviews/evaluate";
import { canTransition, nextStatus, statusAfterFactsChange, type ReviewAction } from "@/lib/reviews/transitions";
import { DEFAULT_POLICY, policyOf, type SeverityRule } from "@/lib/reviews/policy";

const STATES: PostmortemStatus[] = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"];
const ACTIONS: ReviewAction[] = ["requestReview", "approve", "requestChanges", "withdraw"];
const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];

/** state × action → allowed, and the state it leads to (for approve: [policy not met, policy met]). */
const table: Record<PostmortemStatus, Record<ReviewAction, PostmortemStatus[] | null>> = {
  DRAFT: { requestReview: ["IN_REVIEW"], approve: null, requestChanges: null, withdraw: null },
  IN_REVIEW: { requestReview: ["IN_REVIEW"], approve: ["IN_REVIEW", "APPROVED"], requestChanges: ["DRAFT"], withdraw: ["DRAFT"] },
  APPROVED: { requestReview: null, approve: ["APPROVED", "APPROVED"], requestChanges: ["DRAFT"], withdraw: ["DRAFT"] },
  PUBLISHED: { requestReview: null, approve: null, requestChanges: null, withdraw: null },
};

describe("review state machine", () => {
  for (const state of STATES) {
    for (const action of ACTIONS) {
      const expected = table[state][action];
      it(`${action} from ${state}: ${expected ? `→ ${expected.join(" / ")}` : "refused"}`, () => {
        expect(canTransition(state, action)).toBe(expected !== null);
        if (!expected) {
          expect(nextStatus(state, action, true)).toBe(state);
          return;
        }
        if (action === "approve") {
          // APPROVED stays APPROVED on a further approval; IN_REVIEW moves only when the policy is met.
          expect(nextStatus(state, action, false)).toBe(state === "APPROVED" ? "IN_REVIEW" : expected[0]);
          expect(nextStatus(state, action, true)).toBe(expected[1]);
        } else {
          expect(nextStatus(state, action, true)).toBe(expected[0]);
        }
      });
    }
  }
});

describe("a change of the incident's facts", () => {
  /** state → the state after a facts change the team counts, when the approvals no longer meet the policy. */
  const after: Record<PostmortemStatus, PostmortemStatus> = { DRAFT: "DRAFT", IN_REVIEW: "IN_REVIEW", APPROVED: "IN_REVIEW", PUBLISHED: "IN_REVIEW" };
  for (const state of STATES) {
    it(`from ${state}: → ${after[state]}; unchanged if the team does not count facts or approvals on the new facts meet the policy`, () => {
      expect(statusAfterFactsChange(state, true, false)).toBe(after[state]);
      expect(statusAfterFactsChange(state, false, false)).toBe(state);
      expect(statusAfterFactsChange(state, true, true)).toBe(state);
    });
  }
});

describe("who may take review actions", () => {
  const teamId = "t";
  for (const role of ROLES) {
    const actor = { userId: "me", teamId, role };
    const member = role !== "VIEWER";
    it(`${role}: ${member ? "may" : "may not"} request review and approve others' work, never their own`, () => {
      expect(can(actor, "postmortem.requestReview", { teamId })).toBe(member);
      expect(can(actor, "postmortem.review", { teamId, postmortemAuthorId: "author" })).toBe(member);
      expect(can(actor, "postmortem.review", { teamId, postmortemAuthorId: "me" })).toBe(false);
      expect(can(actor, "review.policy", { teamId })).toBe(role === "OWNER" || role === "ADMIN");
      expect(can(actor, "postmortem.review", { teamId: "other", postmortemAuthorId: "author" })).toBe(false);
    });
  }
});

const approval = (reviewerId: string, role: Role | null, overrides: Partial<Approval> = {}): Approval => ({
  reviewerId,
  reviewerName: reviewerId,
  role,
  contentHash: "h1",
  factsVersion: 1,
  stale: false,
  ...overrides,
});
const run = (rule: SeverityRule, approvals: Approval[], overrides: Partial<Parameters<typeof evaluatePolicy>[0]> = {}) =>
  evaluatePolicy({ rule, approvals, authorId: "author", commanderId: "ic", contentHash: "h1", factsVersion: 1, factsCount: true, ...overrides });

describe("sign-off policy evaluation", () => {
  const sev1 = DEFAULT_POLICY.rules.SEV1;
  const sev3 = DEFAULT_POLICY.rules.SEV3;

  it.each([
    ["SEV3: one member other than the author", sev3, [approval("m1", "MEMBER")], true],
    ["SEV3: the author's own approval does not count", sev3, [approval("author", "OWNER")], false],
    ["SEV3: a viewer's approval does not count", sev3, [approval("v", "VIEWER")], false],
    ["SEV3: a reviewer who left the team does not count", sev3, [approval("gone", null)], false],
    ["SEV1: commander and an admin", sev1, [approval("ic", "MEMBER"), approval("a", "ADMIN")], true],
    ["SEV1: two approvals but no commander", sev1, [approval("m", "MEMBER"), approval("a", "ADMIN")], false],
    ["SEV1: commander who is admin alone is one approval of two", sev1, [approval("ic", "ADMIN")], false],
    ["SEV1: commander and a member, no admin", sev1, [approval("ic", "MEMBER"), approval("m", "MEMBER")], false],
    ["SEV1: the same reviewer twice counts once", sev1, [approval("ic", "ADMIN"), approval("ic", "ADMIN")], false],
  ] as const)("%s", (_label, rule, approvals, met) => {
    expect(run(rule, [...approvals]).met).toBe(met);
  });

  it("stale approvals, approvals of other content and (when they count) of other facts do not count", () => {
    expect(run(sev3, [approval("m1", "MEMBER", { stale: true })]).met).toBe(false);
    expect(run(sev3, [approval("m1", "MEMBER", { contentHash: "old" })]).met).toBe(false);
    expect(run(sev3, [approval("m1", "MEMBER", { factsVersion: 0 })]).met).toBe(false);
    expect(run(sev3, [approval("m1", "MEMBER", { factsVersion: 0 })], { factsCount: false }).met).toBe(true);
  });

  it("an incident without a commander cannot meet a rule that needs one, and says why", () => {
    const result = run(sev1, [approval("a", "ADMIN"), approval("m", "MEMBER")], { commanderId: null });
    expect(result.met).toBe(false);
    expect(result.checklist.map((c) => c.label)).toContain("Incident commander approved (the incident has no commander)");
  });

  it("a commander who wrote the postmortem has signed it off by sending it; the other approvals are still needed", () => {
    const wrote = { authorId: "ic", commanderId: "ic" };
    expect(run(sev1, [approval("a", "ADMIN"), approval("m", "MEMBER")], wrote).met).toBe(true);
    expect(run(sev1, [approval("a", "ADMIN")], wrote).met).toBe(false);
    expect(run(sev1, [approval("ic", "ADMIN"), approval("a", "ADMIN")], wrote).counted.map((a) => a.reviewerId)).toEqual(["a"]);
    expect(run(sev1, [approval("a", "ADMIN"), approval("m", "MEMBER")], wrote).checklist.map((c) => c.label)).toContain("Incident commander wrote it and sent it for review");
  });

  it("reads a stored policy, and falls back to the default for anything invalid", () => {
    expect(policyOf(null)).toEqual(DEFAULT_POLICY);
    expect(policyOf({ rules: "nonsense" })).toEqual(DEFAULT_POLICY);
    const custom = { ...DEFAULT_POLICY, factsCountAsChange: false };
    expect(policyOf(custom)).toEqual(custom);
  });
});
