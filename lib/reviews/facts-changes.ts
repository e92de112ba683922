import { db, type Tx } from "@/lib/db";
import { inAppNotifier, type Notifier } from "@/lib/notifications/notifier";
import { evaluate, lockSubject } from "@/lib/reviews/load";
import { changeStatus } from "@/lib/reviews/status-change";
import { statusAfterFactsChange } from "@/lib/reviews/transitions";
import { makeApprovalsStale } from "@/lib/reviews/staleness";

/*
 * What happens to a postmortem's review when its incident's facts change.
 *
 * The database records the change, atomically with whatever wrote it (lib, raw SQL, an import, a
 * foreign-key cascade): a trigger bumps the postmortem's factsVersion and queues a
 * PostmortemFactsChange row (migration review_rules_in_typescript). Everything decided about it
 * is decided here, in two places that run the same `settle`:
 *
 * - `applyFactsChange`, called by the lib mutations inside their own transaction. The change and
 *   its consequences commit or roll back together (a crash can never leave one without the
 *   other), the actor is known for the audit trail, and nobody ever reads an approved postmortem
 *   whose facts changed.
 * - `drainFactsChanges`, run by the job worker every minute, for changes written around lib (and
 *   any lib path that forgot the call). Each postmortem is settled in its own transaction that
 *   deletes the queued rows it acted on: a crash leaves them queued for the next run. Until then
 *   approvals on older facts already do not count (evaluatePolicy compares factsVersion); only
 *   the status lags.
 *
 * A processor that runs only after commit (NOTIFY, a hook after the transaction) was not chosen
 * for lib writes: it would let readers see the change without its consequences, and it needs the
 * queue anyway to survive a crash between the commit and the processing.
 *
 * `settle` takes the postmortem's row lock before it reads the queue (a writer's trigger already
 * holds it), so concurrent changes are settled one after another, each seeing what the previous
 * one committed: only the first finds an approved postmortem to send back — one transition, one
 * notification per approval — and a second settler finds the queue empty and does nothing.
 */

/** Postmortems settled per read of the queue by the background drain. */
const DRAIN_BATCH = 100;

export type FactsChangeOptions = { actorId: string | null; now?: Date; notifier?: Notifier };

/** Acts on every queued facts change of one postmortem, under its row lock. Null when none was queued. */
async function settle(tx: Tx, teamId: string, postmortemId: string, { actorId, now = new Date(), notifier = inAppNotifier }: FactsChangeOptions) {
  const subject = await lockSubject(tx, teamId, postmortemId);
  const changes = await tx.$queryRaw<{ source: string; sourceId: string }[]>`
    DELETE FROM "PostmortemFactsChange" WHERE "postmortemId" = ${subject.id} RETURNING source, "sourceId"`;
  if (changes.length === 0) return null;
  const from = subject.status;
  const factsCount = subject.policy.factsCountAsChange;
  const staled = factsCount ? await makeApprovalsStale(tx, subject, { factsVersion: { lt: subject.factsVersion } }, "the incident's facts changed", now, notifier) : 0;
  const met = factsCount && (from === "APPROVED" || from === "PUBLISHED") && (await evaluate(tx, subject)).met;
  const to = statusAfterFactsChange(from, factsCount, met);
  if (to !== from) {
    const line = `Postmortem back in review: the incident's facts changed after it was ${from === "PUBLISHED" ? "published" : "approved"}.`;
    await changeStatus(tx, subject, to, actorId, line, now, "facts_changed");
  }
  return { changes, staled, from, to };
}

export type FactsChangeResult = Awaited<ReturnType<typeof settle>>;

/**
 * Call inside a mutation's transaction after it wrote the incident, its timeline or its tasks:
 * acts on the facts changes the write queued (nothing when it changed no fact, or the incident has
 * no postmortem). The check for queued changes comes first, so a write that changed no fact does
 * not take the postmortem's lock.
 */
export async function applyFactsChange(tx: Tx, target: { teamId: string; incidentId: string } & FactsChangeOptions): Promise<FactsChangeResult> {
  const queued = await tx.postmortemFactsChange.findFirst({
    where: { postmortem: { incidentId: target.incidentId, teamId: target.teamId } },
    select: { postmortemId: true },
  });
  if (!queued) return null;
  return settle(tx, target.teamId, queued.postmortemId, target);
}

/**
 * Settles facts changes that were written around lib (raw SQL, imports, cascades), oldest first,
 * one transaction per postmortem. A postmortem that fails is logged and left queued for the next
 * run, without holding up the others. Returns how many postmortems were settled.
 */
export async function drainFactsChanges(now = new Date(), notifier: Notifier = inAppNotifier): Promise<number> {
  const failed = new Set<string>();
  let settled = 0;
  for (;;) {
    const queued = await db().postmortemFactsChange.findMany({
      where: failed.size > 0 ? { postmortemId: { notIn: [...failed] } } : {},
      orderBy: { id: "asc" },
      take: DRAIN_BATCH,
      select: { postmortemId: true, postmortem: { select: { teamId: true } } },
    });
    if (queued.length === 0) return settled;
    for (const [postmortemId, teamId] of new Map(queued.map((q) => [q.postmortemId, q.postmortem.teamId]))) {
      try {
        const result = await db().$transaction((tx) => settle(tx, teamId, postmortemId, { actorId: null, now, notifier }));
        if (result) settled++;
      } catch (error) {
        failed.add(postmortemId);
        console.error(`reviews: could not settle the facts changes of postmortem ${postmortemId}`, error);
      }
    }
  }
}
