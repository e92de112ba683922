import { db, type Tx } from "@/lib/db";
import { parseAlerts } from "@/lib/alerts/formats/parse";
import { AlertShapeError, type NormalizedAlert } from "@/lib/alerts/formats/normalized";
import { notifyAlertsChanged } from "@/lib/alerts/notify";
import { applyAlert, type AlertOutcome, type Delivery, type Source } from "@/lib/alerts/apply";
import { countAlertIntake } from "@/lib/observability/metrics";
import { OpenAlerts } from "@/lib/alerts/open-alerts";
import { recordSystemEvents } from "@/lib/timeline/system-events";
import { notifyIncidentChanged } from "@/lib/realtime/notify";
import { logger } from "@/lib/observability/logger";

/** Deliveries applied in one transaction when a source has a backlog. */
const BATCH_SIZE = 100;

type Step = { kind: "applied" | "empty" | "busy" } | { kind: "failed"; claimed: number };

/**
 * Applies a source's pending deliveries in the order they were received (a resolve sent right
 * after its trigger must not be applied first), up to BATCH_SIZE per transaction, each holding
 * the source's advisory lock (tried, never waited for, so queued work cannot tie up the
 * connection pool): whoever holds it drains the source, and everyone else leaves it to them. When
 * a batch fails, its deliveries are retried one per transaction, so only the one that cannot be
 * applied is set aside. Safe to run twice or concurrently: a delivery is applied only while
 * PENDING, under its row lock.
 */
export async function drainSource(sourceId: string): Promise<void> {
  let singly = 0;
  for (;;) {
    const step = await applyPending(sourceId, singly > 0 ? 1 : BATCH_SIZE);
    if (step.kind === "failed") {
      singly = step.claimed;
      continue;
    }
    if (singly > 0) singly -= 1;
    if (step.kind === "busy") return;
    if (step.kind === "empty") {
      // A delivery stored while we held the lock found it taken; it is visible now that we let go.
      const more = await db().alertDelivery.count({ where: { sourceId, status: "PENDING" } });
      if (more === 0) return;
    }
  }
}

/**
 * Drains already running in this process, by source. A delivery arriving meanwhile only asks for
 * another pass instead of opening a transaction to find the lock taken: at a few hundred
 * deliveries a second those round trips would crowd out the intake itself.
 */
const running = new Map<string, { again: boolean }>();

/**
 * The intake's follow-up and the sweep's unit of work: drains the delivery's source. The intake
 * knows the source; without it the delivery is looked up.
 */
export async function processDelivery(deliveryId: string, sourceId?: string): Promise<void> {
  if (sourceId) return drainOnce(sourceId);
  const delivery = await db().alertDelivery.findUnique({ where: { id: deliveryId }, select: { sourceId: true, status: true } });
  if (delivery?.status === "PENDING") await drainOnce(delivery.sourceId);
}

/** When each source's last drain in this process ended. */
const lastDrained = new Map<string, number>();
/** A source drained this recently is under a steady stream of deliveries… */
const BUSY_WITHIN_MS = 1_000;
/** …so its next drain waits this long for the stream to gather into one batch. */
const GATHER_MS = 100;

async function drainOnce(sourceId: string): Promise<void> {
  const current = running.get(sourceId);
  if (current) {
    current.again = true;
    return;
  }
  const state = { again: false };
  running.set(sourceId, state);
  try {
    // One delivery is applied at once; under a stream, a short wait turns many small batches (each
    // a transaction and a write per alert) into one, which is what keeps the intake answering fast.
    if (Date.now() - (lastDrained.get(sourceId) ?? 0) < BUSY_WITHIN_MS) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    do {
      state.again = false;
      await drainSource(sourceId);
    } while (state.again);
  } finally {
    running.delete(sourceId);
    lastDrained.set(sourceId, Date.now());
    if (lastDrained.size > 10_000) lastDrained.clear();
  }
}

async function applyPending(sourceId: string, limit: number): Promise<Step> {
  const claimed: string[] = [];
  const outcomes: AlertOutcome[] = [];
  try {
    const step = await db().$transaction(
      async (tx): Promise<Step> => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`alert-source|${sourceId}`}, 0)) AS locked`;
        if (!lock?.locked) return { kind: "busy" };
        const deliveries = await tx.$queryRaw<(Delivery & { body: string })[]>`
          SELECT "id", "receivedAt", "body" FROM "AlertDelivery"
          WHERE "sourceId" = ${sourceId} AND "status" = 'PENDING'
          ORDER BY "receivedAt", "id" LIMIT ${limit} FOR UPDATE`;
        if (deliveries.length === 0) return { kind: "empty" };
        claimed.push(...deliveries.map((d) => d.id));
        outcomes.push(...(await applyDeliveries(tx, sourceId, deliveries)));
        return { kind: "applied" };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    // Counted once committed: a batch that failed is applied again one by one.
    for (const outcome of outcomes) countAlertIntake(outcome);
    return step;
  } catch (error) {
    if (claimed.length === 0) throw error;
    if (claimed.length > 1) return { kind: "failed", claimed: claimed.length };
    // A delivery that cannot be applied must not hold back the ones after it: it is set aside
    // with the reason, its body kept for support.
    logger().error({ err: error, component: "alerts", deliveryId: claimed[0] }, "a delivery could not be applied");
    await db().alertDelivery.updateMany({
      where: { id: claimed[0], status: "PENDING" },
      data: { status: "REJECTED", error: "Hindsight could not apply this delivery (an internal error); the body is kept.", processedAt: new Date() },
    });
    return { kind: "applied" };
  }
}

type Parsed = { delivery: Delivery; alerts: NormalizedAlert[]; truncated: number } | { delivery: Delivery; rejected: string };

async function parseStored(source: Source, delivery: Delivery & { body: string }): Promise<Parsed> {
  try {
    const parsed = await parseAlerts(JSON.parse(delivery.body), source, delivery.id);
    return { delivery, alerts: parsed.alerts, truncated: parsed.truncated };
  } catch (error) {
    // The source's format or mapping changed since the body was accepted.
    return { delivery, rejected: error instanceof AlertShapeError ? error.message : "The stored body is not JSON." };
  }
}

/**
 * Applies deliveries of one source, in the order received, in the caller's transaction: the
 * source is read once, the open alerts they name in one query, repeats are written once per alert,
 * and the deliveries are marked applied together.
 */
async function applyDeliveries(tx: Tx, sourceId: string, deliveries: (Delivery & { body: string })[]): Promise<AlertOutcome[]> {
  const source = await tx.alertSource.findUniqueOrThrow({ where: { id: sourceId }, select: { id: true, teamId: true, name: true, format: true, mapping: true, rules: true } });
  const parsed = await Promise.all(deliveries.map((delivery) => parseStored(source, delivery)));
  const book = new OpenAlerts(tx, source.id);
  await book.preload(parsed.flatMap((p) => ("alerts" in p ? p.alerts.map((a) => a.dedupKey) : [])));

  const changed = new Set<string>();
  const applied: string[] = [];
  const outcomes: AlertOutcome[] = [];
  const processedAt = new Date();
  for (const entry of parsed) {
    if ("rejected" in entry) {
      await tx.alertDelivery.update({ where: { id: entry.delivery.id }, data: { status: "REJECTED", error: entry.rejected, processedAt } });
      continue;
    }
    const incidents = new Set<string>();
    for (const alert of entry.alerts) {
      const { outcome, incidentId } = await applyAlert(tx, book, source, entry.delivery, alert);
      outcomes.push(outcome);
      if (incidentId) incidents.add(incidentId);
    }
    if (entry.truncated > 0) {
      for (const incidentId of incidents) {
        await recordSystemEvents(tx, { teamId: source.teamId, incidentId, actorId: null, at: new Date() }, [
          { kind: "NOTE", body: `${source.name} left ${entry.truncated} more alert${entry.truncated === 1 ? "" : "s"} out of this group (max_alerts).` },
        ]);
      }
    }
    for (const incidentId of incidents) changed.add(incidentId);
    applied.push(entry.delivery.id);
  }
  await book.flush();
  if (applied.length > 0) await tx.alertDelivery.updateMany({ where: { id: { in: applied } }, data: { status: "PROCESSED", processedAt } });
  const last = deliveries.at(-1);
  if (last) await tx.alertSource.update({ where: { id: source.id }, data: { lastDeliveryAt: last.receivedAt } });
  for (const incidentId of changed) await notifyIncidentChanged(tx, incidentId);
  await notifyAlertsChanged(tx, source.teamId);
  return outcomes;
}

/** Sources a crash or restart left with pending deliveries: the sweep job drains them. */
export async function processPendingDeliveries(olderThan: Date, limit = 500): Promise<number> {
  const pending = await db().alertDelivery.findMany({ where: { status: "PENDING", receivedAt: { lt: olderThan } }, orderBy: { receivedAt: "asc" }, take: limit, select: { sourceId: true } });
  const sources = [...new Set(pending.map((d) => d.sourceId))];
  for (const sourceId of sources) await drainOnce(sourceId);
  return pending.length;
}

/** Applied and refused bodies are kept two weeks (for support and the mapping preview), then dropped. */
export const DELIVERY_RETENTION_MS = 14 * 24 * 60 * 60_000;

export async function pruneDeliveries(olderThan: Date): Promise<number> {
  const { count } = await db().alertDelivery.deleteMany({ where: { status: { in: ["PROCESSED", "REJECTED"] }, receivedAt: { lt: olderThan } } });
  return count;
}
