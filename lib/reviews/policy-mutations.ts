import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { policyFormSchema } from "@/lib/reviews/schema";
import { evaluate, lockSubject } from "@/lib/reviews/load";
import { changeStatus } from "@/lib/reviews/status-change";

/** A team may have many postmortems under review at once; re-evaluating more than this is left to their next decision. */
const REEVALUATE_LIMIT = 500;

/**
 * Saves the sign-off policy and applies it to every postmortem under review now: one that no
 * longer meets it goes back to review, one that now meets it is approved — each with a timeline line.
 */
export async function updateReviewPolicy(userId: string, input: unknown) {
  const data = parseInput(policyFormSchema, input);
  return db().$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, data.teamId);
    authorize(actor, "review.policy", { teamId: data.teamId });
    await tx.team.update({ where: { id: data.teamId }, data: { reviewPolicy: data.policy, reviewPolicyUpdatedAt: new Date() } });
    const open = await tx.postmortem.findMany({
      where: { teamId: data.teamId, status: { in: ["IN_REVIEW", "APPROVED"] } },
      orderBy: { lastEditedAt: "desc" },
      take: REEVALUATE_LIMIT,
      select: { id: true },
    });
    let changed = 0;
    for (const { id } of open) {
      const subject = await lockSubject(tx, data.teamId, id);
      const result = await evaluate(tx, subject);
      if (subject.status === "APPROVED" && !result.met) {
        await changeStatus(tx, subject, "IN_REVIEW", userId, "Postmortem back in review: the team's sign-off policy changed and it no longer meets it.");
        changed++;
      } else if (subject.status === "IN_REVIEW" && result.met) {
        await changeStatus(tx, subject, "APPROVED", userId, "Postmortem approved: it meets the team's new sign-off policy.");
        changed++;
      }
    }
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "review.policy_updated", targetType: "team", targetId: data.teamId, data: { policy: data.policy, reevaluated: open.length, changed } });
    return { changed };
  });
}
