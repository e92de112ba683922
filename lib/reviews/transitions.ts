import type { PostmortemStatus } from "@/lib/generated/prisma/enums";

export type ReviewAction = "requestReview" | "approve" | "requestChanges" | "withdraw";

/**
 * The review state machine. DRAFT → IN_REVIEW (review requested) → APPROVED (policy met);
 * changes requested send it back to DRAFT; a content change after approval returns it to
 * IN_REVIEW (lib/reviews/staleness.ts), and so does a change of the incident's facts
 * (lib/reviews/facts-changes.ts). PUBLISHED is set by publishing only.
 */
const allowed: Record<ReviewAction, readonly PostmortemStatus[]> = {
  requestReview: ["DRAFT", "IN_REVIEW"],
  approve: ["IN_REVIEW", "APPROVED"],
  requestChanges: ["IN_REVIEW", "APPROVED"],
  withdraw: ["IN_REVIEW", "APPROVED"],
};

export function canTransition(status: PostmortemStatus, action: ReviewAction): boolean {
  return allowed[action].includes(status);
}

/** The status after an action; for approvals, whether the policy is now met decides. */
export function nextStatus(status: PostmortemStatus, action: ReviewAction, policyMet: boolean): PostmortemStatus {
  if (!canTransition(status, action)) return status;
  switch (action) {
    case "requestReview":
      return "IN_REVIEW";
    case "approve":
      return policyMet ? "APPROVED" : "IN_REVIEW";
    case "requestChanges":
    case "withdraw":
      return "DRAFT";
  }
}

/**
 * The status after the incident's facts (times, impact, timeline, tasks) changed. When the team
 * counts such changes, an approved or published postmortem goes back to review unless approvals
 * given on the new facts still meet the policy; in every other case the status stays.
 */
export function statusAfterFactsChange(status: PostmortemStatus, factsCount: boolean, policyMet: boolean): PostmortemStatus {
  if (!factsCount || policyMet) return status;
  return status === "APPROVED" || status === "PUBLISHED" ? "IN_REVIEW" : status;
}

export const REFUSAL: Record<ReviewAction, Partial<Record<PostmortemStatus, string>>> = {
  requestReview: { APPROVED: "This postmortem is already approved.", PUBLISHED: "This postmortem is published; changes go into a new edition." },
  approve: { DRAFT: "This postmortem is a draft: its author has not asked for review (or changes were requested).", PUBLISHED: "This postmortem is already published." },
  requestChanges: { DRAFT: "This postmortem is already back with its author.", PUBLISHED: "This postmortem is already published." },
  withdraw: { DRAFT: "This postmortem is already a draft.", PUBLISHED: "This postmortem is already published." },
};
