"use server";

import { memberAction } from "@/lib/action";
import { approve, requestChanges, requestReview, withdrawReview } from "@/lib/reviews/mutations";
import { updateReviewPolicy } from "@/lib/reviews/policy-mutations";

const revalidate = () => ["/t/[team]", "/notifications"];

export const requestReviewAction = memberAction((user, input) => requestReview(user.id, input), {
  revalidate,
  message: (r) => (r.added > 0 ? `Review requested from ${r.added} ${r.added === 1 ? "person" : "people"}.` : "They were already asked."),
});
export const approveAction = memberAction((user, input) => approve(user.id, input), {
  revalidate,
  message: (r) => (r.status === "APPROVED" ? "Approved. The postmortem now meets the sign-off policy." : "Approved. More sign-off is needed."),
});
export const requestChangesAction = memberAction((user, input) => requestChanges(user.id, input), { revalidate, message: () => "Changes requested; the author has been told." });
export const withdrawReviewAction = memberAction((user, input) => withdrawReview(user.id, input), { revalidate, message: () => "Back to draft." });
export const updateReviewPolicyAction = memberAction((user, input) => updateReviewPolicy(user.id, input), {
  revalidate,
  message: (r) => (r.changed > 0 ? `Saved. ${r.changed} postmortem${r.changed === 1 ? "" : "s"} changed state under the new policy.` : "Saved."),
});
