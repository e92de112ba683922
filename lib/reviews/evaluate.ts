import type { Role } from "@/lib/generated/prisma/enums";
import { atLeast } from "@/lib/authz";
import type { SeverityRule } from "@/lib/reviews/policy";
import { approvalProgress } from "@/lib/reviews/shortfall";

export type Approval = { reviewerId: string; reviewerName: string; role: Role | null; contentHash: string; factsVersion: number; stale: boolean };

export type CheckItem = { label: string; met: boolean };
export type PolicyResult = { met: boolean; counted: Approval[]; checklist: CheckItem[] };

/**
 * Whether a postmortem's current approvals satisfy the policy rule for its severity. An approval
 * counts when it is on the current content (and facts, if the team says so), was not made stale,
 * and its reviewer is still a member who may review and is not the author. A commander who wrote
 * the postmortem has signed it off by sending it for review.
 */
export function evaluatePolicy(input: {
  rule: SeverityRule;
  approvals: readonly Approval[];
  authorId: string | null;
  commanderId: string | null;
  contentHash: string;
  factsVersion: number;
  factsCount: boolean;
}): PolicyResult {
  const counted = input.approvals.filter(
    (a) =>
      !a.stale &&
      a.contentHash === input.contentHash &&
      (!input.factsCount || a.factsVersion === input.factsVersion) &&
      a.role !== null &&
      atLeast(a.role, "MEMBER") &&
      a.reviewerId !== input.authorId,
  );
  const unique = [...new Map(counted.map((a) => [a.reviewerId, a])).values()];
  const progress = approvalProgress(unique, input.rule);
  const checklist: CheckItem[] = [{ label: `${progress.approved} of ${progress.required} approvals`, met: progress.approved >= progress.required }];
  if (input.rule.commander) {
    // Commanders often write the postmortem themselves; sending it for review is then their sign-off
    // (they still cannot approve it, and the other approvals are still needed).
    const commanderWrote = input.commanderId !== null && input.commanderId === input.authorId;
    checklist.push({
      label: !input.commanderId
        ? "Incident commander approved (the incident has no commander)"
        : commanderWrote
          ? "Incident commander wrote it and sent it for review"
          : "Incident commander approved",
      met: commanderWrote || (input.commanderId !== null && unique.some((a) => a.reviewerId === input.commanderId)),
    });
  }
  if (input.rule.admin) {
    checklist.push({ label: "An admin or owner approved", met: unique.some((a) => a.role !== null && atLeast(a.role, "ADMIN")) });
  }
  return { met: checklist.every((c) => c.met), counted: unique, checklist };
}
