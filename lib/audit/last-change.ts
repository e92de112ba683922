import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";

type Target = { teamId: string; targetType: string; targetId: string; timeZone: string };

/**
 * The refusal for a save that lost to a concurrent one, naming who saved and when. The audit
 * trail is the one record every versioned mutation writes in its transaction, so it answers for
 * tasks, events and templates alike without a "last edited by" column on each.
 */
export async function lostSaveConflict(tx: Tx, noun: string, target: Target): Promise<AppError> {
  const last = await tx.auditEvent.findFirst({
    where: { teamId: target.teamId, targetType: target.targetType, targetId: target.targetId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  const who = last?.actor?.name ?? "someone else";
  const when = last ? ` at ${formatDateTime(last.createdAt, target.timeZone)}` : "";
  return new AppError("CONFLICT", `This ${noun} was changed by ${who}${when} while you were editing. Your text is still in the form: load the latest values to see theirs, then save again.`);
}
