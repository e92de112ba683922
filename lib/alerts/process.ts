import { db, type Tx } from "@/lib/db";
import { parseAlerts } from "@/lib/alerts/formats/parse";
import { AlertShapeError, type NormalizedAlert } from "@/lib/alerts/formats/normalized";
import { firstMatchingRule, incidentSeverity, readRules, renderTitle, type RoutingRule } from "@/lib/alerts/rules";
import { notifyAlertsChanged } from "@/lib/alerts/notify";
import { recordAlertEvent } from "@/lib/alerts/events";
import { declareIncidentInTx } from "@/lib/incidents/mutations";
import { recordSystemEvents, type SystemLine } from "@/lib/timeline/system-events";
import { notifyIncidentChanged } from "@/lib/realtime/notify";

const PAYLOAD_CAP = 64 * 1024;

type Source = { id: string; teamId: string; name: string; format: "AUTO" | "ALERTMANAGER" | "GRAFANA" | "PAGERDUTY" | "GENERIC"; mapping: string; rules: unknown };
type Delivery = { id: string; receivedAt: Date };

/** The alert's part of the payload, pretty-printed and cut so one huge alert cannot bloat the table. */
export function cappedPayload(raw: unknown): string {
  const pretty = JSON.stringify(raw, null, 2) ?? "";
  return pretty.length <= PAYLOAD_CAP ? pretty : `${pretty.slice(0, PAYLOAD_CAP)}\n… (cut at ${PAYLOAD_CAP / 1024} KB)`;
}

type Step = "applied" | "empty" | "busy";

/**
 * Applies a source's pending deliveries one at a time, in the order they were received: a resolve
 * sent right after its trigger must not be applied first. One transaction per delivery, each
 * holding the source's advisory lock (tried, never waited for, so queued work cannot tie up the
 * connection pool): whoever holds it drains the source, and everyone else leaves it to them.
 * Safe to run twice or concurrently: a delivery is applied only while PENDING, under its row lock.
 */
export async function drainSource(sourceId: string): Promise<void> {
  for (;;) {
    const step = await applyOldestPending(sourceId);
    if (step === "busy") return;
    if (step === "empty") {
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

/** The intake's follow-up and the sweep's unit of work: drains the delivery's source. */
export async function processDelivery(deliveryId: string): Promise<void> {
  const delivery = await db().alertDelivery.findUnique({ where: { id: deliveryId }, select: { sourceId: true, status: true } });
  if (delivery?.status === "PENDING") await drainOnce(delivery.sourceId);
}

async function drainOnce(sourceId: string): Promise<void> {
  const current = running.get(sourceId);
  if (current) {
    current.again = true;
    return;
  }
  const state = { again: false };
  running.set(sourceId, state);
  try {
    do {
      state.again = false;
      await drainSource(sourceId);
    } while (state.again);
  } finally {
    running.delete(sourceId);
  }
}

async function applyOldestPending(sourceId: string): Promise<Step> {
  const claimed: { id: string | null } = { id: null };
  try {
    return await db().$transaction(
      async (tx): Promise<Step> => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`alert-source|${sourceId}`}, 0)) AS locked`;
        if (!lock?.locked) return "busy";
        const [delivery] = await tx.$queryRaw<(Delivery & { body: string })[]>`
          SELECT "id", "receivedAt", "body" FROM "AlertDelivery"
          WHERE "sourceId" = ${sourceId} AND "status" = 'PENDING'
          ORDER BY "receivedAt", "id" LIMIT 1 FOR UPDATE`;
        if (!delivery) return "empty";
        claimed.id = delivery.id;
        await applyDelivery(tx, sourceId, delivery);
        return "applied";
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!claimed.id) throw error;
    // A delivery that cannot be applied must not hold back the ones after it: it is set aside
    // with the reason, its body kept for support.
    console.error("alerts: a delivery could not be applied", claimed.id, error);
    await db().alertDelivery.updateMany({
      where: { id: claimed.id, status: "PENDING" },
      data: { status: "REJECTED", error: "Hindsight could not apply this delivery (an internal error); the body is kept.", processedAt: new Date() },
    });
    return "applied";
  }
}

async function applyDelivery(tx: Tx, sourceId: string, delivery: Delivery & { body: string }): Promise<void> {
  const source = await tx.alertSource.findUniqueOrThrow({ where: { id: sourceId }, select: { id: true, teamId: true, name: true, format: true, mapping: true, rules: true } });
  let alerts: NormalizedAlert[];
  let truncated = 0;
  try {
    const parsed = await parseAlerts(JSON.parse(delivery.body), source, delivery.id);
    alerts = parsed.alerts;
    truncated = parsed.truncated;
  } catch (error) {
    // The source's format or mapping changed since the body was accepted.
    const message = error instanceof AlertShapeError ? error.message : "The stored body is not JSON.";
    await tx.alertDelivery.update({ where: { id: delivery.id }, data: { status: "REJECTED", error: message, processedAt: new Date() } });
    return;
  }
  const incidents = new Set<string>();
  for (const alert of alerts) {
    const incidentId = await applyAlert(tx, source, delivery, alert);
    if (incidentId) incidents.add(incidentId);
  }
  if (truncated > 0) {
    for (const incidentId of incidents) {
      await recordSystemEvents(tx, { teamId: source.teamId, incidentId, actorId: null, at: new Date() }, [
        { kind: "NOTE", body: `${source.name} left ${truncated} more alert${truncated === 1 ? "" : "s"} out of this group (max_alerts).` },
      ]);
    }
  }
  await tx.alertDelivery.update({ where: { id: delivery.id }, data: { status: "PROCESSED", processedAt: new Date() } });
  await tx.alertSource.update({ where: { id: source.id }, data: { lastDeliveryAt: delivery.receivedAt } });
  for (const incidentId of incidents) await notifyIncidentChanged(tx, incidentId);
  await notifyAlertsChanged(tx, source.teamId);
}

/** Returns the incident the alert is on (if any) when something on it changed. */
async function applyAlert(tx: Tx, source: Source, delivery: Delivery, alert: NormalizedAlert): Promise<string | null> {
  const now = new Date();
  const open = await tx.alert.findUnique({
    where: { sourceId_openKey: { sourceId: source.id, openKey: alert.dedupKey } },
    select: { id: true, status: true, title: true, incidentId: true },
  });

  if (alert.status === "resolved") {
    if (!open) return null;
    await tx.alert.update({
      where: { id: open.id },
      data: { status: "RESOLVED", openKey: null, endsAt: alert.endsAt ?? delivery.receivedAt, lastSeenAt: delivery.receivedAt, lastDeliveryId: delivery.id },
    });
    await recordAlertEvent(tx, source.teamId, open.id, "alert.resolved");
    if (!open.incidentId) return null;
    await line(tx, source, open.incidentId, now, { kind: "UPDATE", body: `Alert resolved at ${source.name}: ${open.title}.` });
    return open.incidentId;
  }

  if (open) {
    // Repeats (Alertmanager re-sends firing groups) count, they do not open another alert.
    await tx.alert.update({
      where: { id: open.id },
      data: {
        count: { increment: 1 },
        lastSeenAt: delivery.receivedAt,
        lastDeliveryId: delivery.id,
        ...(alert.status === "acknowledged" ? { status: "ACKNOWLEDGED" } : {}),
        ...(alert.described ? { title: alert.title, severity: alert.severity, labels: alert.labels, annotations: alert.annotations, links: alert.links, payload: cappedPayload(alert.raw) } : {}),
      },
    });
    if (alert.status === "acknowledged" && open.status !== "ACKNOWLEDGED" && open.incidentId) {
      await line(tx, source, open.incidentId, now, { kind: "UPDATE", body: `Alert acknowledged at ${source.name}: ${open.title}.` });
      return open.incidentId;
    }
    return null;
  }
  // An acknowledgement for nothing open (PagerDuty ignores these too).
  if (alert.status === "acknowledged") return null;

  const created = await tx.alert.create({
    data: {
      teamId: source.teamId,
      sourceId: source.id,
      dedupKey: alert.dedupKey,
      openKey: alert.dedupKey,
      title: alert.title,
      severity: alert.severity,
      labels: alert.labels,
      annotations: alert.annotations,
      links: alert.links,
      startsAt: alert.startsAt ?? delivery.receivedAt,
      firstSeenAt: delivery.receivedAt,
      lastSeenAt: delivery.receivedAt,
      payload: cappedPayload(alert.raw),
      generatorURL: alert.generatorURL,
      groupKey: alert.groupKey,
      lastDeliveryId: delivery.id,
    },
    select: { id: true },
  });
  const incidentId = await route(tx, source, delivery, alert, now);
  if (incidentId) await tx.alert.update({ where: { id: created.id }, data: { incidentId } });
  await recordAlertEvent(tx, source.teamId, created.id, "alert.firing");
  return incidentId;
}

async function line(tx: Tx, source: Source, incidentId: string, at: Date, entry: SystemLine) {
  await recordSystemEvents(tx, { teamId: source.teamId, incidentId, actorId: null, at }, [entry]);
  await tx.incident.update({ where: { id: incidentId }, data: { lastActivityAt: at } });
}

/** Where a new alert goes: its group's open incident, else the first matching rule. */
async function route(tx: Tx, source: Source, delivery: Delivery, alert: NormalizedAlert, now: Date): Promise<string | null> {
  if (alert.groupKey) {
    const group = await tx.alertGroup.findUnique({
      where: { sourceId_groupKey: { sourceId: source.id, groupKey: alert.groupKey } },
      select: { incident: { select: { id: true, status: true } } },
    });
    if (group && group.incident.status !== "RESOLVED") {
      await line(tx, source, group.incident.id, now, { kind: "UPDATE", body: `Alert firing at ${source.name}: ${alert.title}.` });
      return group.incident.id;
    }
  }
  const rule = firstMatchingRule(readRules(source.rules), alert, source.name);
  const incidentId = await follow(tx, source, delivery, alert, rule, now);
  if (incidentId && alert.groupKey) {
    await tx.alertGroup.upsert({
      where: { sourceId_groupKey: { sourceId: source.id, groupKey: alert.groupKey } },
      create: { sourceId: source.id, groupKey: alert.groupKey, incidentId },
      update: { incidentId },
    });
  }
  return incidentId;
}

async function follow(tx: Tx, source: Source, delivery: Delivery, alert: NormalizedAlert, rule: RoutingRule, now: Date): Promise<string | null> {
  switch (rule.action) {
    case "triage":
      return null;
    case "attach": {
      const service = alert.labels[rule.serviceLabel];
      if (!service) return null;
      const incident = await openIncidentForService(tx, source.teamId, service);
      if (!incident) return null;
      await line(tx, source, incident, now, { kind: "UPDATE", body: `Alert firing at ${source.name}: ${alert.title}.` });
      return incident;
    }
    case "declare": {
      const severity = rule.severity ?? incidentSeverity(alert.severity);
      const title = (rule.title ? renderTitle(rule.title, alert, source.name).trim() : "") || alert.title;
      const incident = await declareIncidentInTx(tx, {
        teamId: source.teamId,
        title: title.slice(0, 200),
        severity,
        startedAt: alert.startsAt ?? delivery.receivedAt,
        detectedAt: delivery.receivedAt,
        serviceNames: rule.services,
        commanderId: rule.commanderId ?? null,
        actorId: null,
        origin: "ALERT",
        declaredLine: `Incident declared as ${severity} by ${source.name}: ${alert.title}. Status: Investigating.`,
        now,
      });
      return incident.id;
    }
  }
}

async function openIncidentForService(tx: Tx, teamId: string, service: string): Promise<string | null> {
  const incident = await tx.incident.findFirst({
    where: { teamId, status: { not: "RESOLVED" }, services: { some: { service: { name: { equals: service, mode: "insensitive" } } } } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return incident?.id ?? null;
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
