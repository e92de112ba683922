import type { Role } from "@/lib/generated/prisma/enums";
import { atLeast } from "@/lib/authz";
import type { SeverityRule } from "@/lib/reviews/policy";
import type { Approval } from "@/lib/reviews/evaluate";

export type Member = { id: string; name: string; role: Role };

/** What still stands between a postmortem and sign-off, said in terms of people. */
export type Shortfall = {
  /** False when the team as it is cannot meet the policy, whatever reviewers do. */
  possible: boolean;
  /** Sentences for people: "Needs 2 more approvals from someone other than the author; only 1 eligible member: Rhea." */
  messages: string[];
  /** Who may still give a counted approval (members who can review, not the author, not yet counted). */
  eligible: { id: string; name: string }[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const names = (people: { name: string }[]) => people.map((p) => p.name).join(", ");

/**
 * Why the sign-off policy is not met yet, and whether it can be: who is eligible to approve, how
 * many more approvals are needed, and which rule (commander, admin) no one in the team can satisfy.
 */
export function policyShortfall(input: { rule: SeverityRule; counted: readonly Approval[]; authorId: string | null; commanderId: string | null; members: readonly Member[] }): Shortfall {
  const { rule, counted, authorId, commanderId, members } = input;
  const countedIds = new Set(counted.map((a) => a.reviewerId));
  const reviewers = members.filter((m) => atLeast(m.role, "MEMBER") && m.id !== authorId);
  const eligible = reviewers.filter((m) => !countedIds.has(m.id)).map(({ id, name }) => ({ id, name }));
  const messages: string[] = [];
  let possible = true;
  const needed = Math.max(0, rule.approvals - countedIds.size);
  if (needed > 0) {
    const more = `Needs ${plural(needed, "more approval")} from someone other than the author`;
    if (eligible.length < needed) {
      possible = false;
      messages.push(`${more}; only ${plural(reviewers.length, "eligible member")}${reviewers.length ? `: ${names(reviewers)}` : ""}.`);
    } else {
      messages.push(`${more}. Eligible: ${names(eligible)}.`);
    }
  }
  if (rule.commander && commanderId !== authorId && !countedIds.has(commanderId ?? "")) {
    const commander = members.find((m) => m.id === commanderId);
    if (!commanderId) {
      possible = false;
      messages.push("Needs the incident commander's approval, but the incident has no commander: set one on the incident.");
    } else if (!commander || !atLeast(commander.role, "MEMBER")) {
      possible = false;
      messages.push("Needs the incident commander's approval, but the commander can no longer review (they left the team or are a viewer).");
    } else {
      messages.push(`Needs the incident commander's approval: ${commander.name}.`);
    }
  }
  if (rule.admin && !counted.some((a) => a.role !== null && atLeast(a.role, "ADMIN"))) {
    const admins = reviewers.filter((m) => atLeast(m.role, "ADMIN"));
    if (admins.length === 0) {
      possible = false;
      messages.push("Needs an approval from an admin or owner other than the author, and the team has none.");
    } else {
      messages.push(`Needs an approval from an admin or owner: ${names(admins)}.`);
    }
  }
  return { possible, messages, eligible };
}

/** The one way approvals are counted for people: "1 of 2 approvals" on the review page and in the Postmortems list alike. */
export function approvalProgress(counted: readonly Approval[], rule: SeverityRule): { approved: number; required: number } {
  return { approved: new Set(counted.map((a) => a.reviewerId)).size, required: rule.approvals };
}
