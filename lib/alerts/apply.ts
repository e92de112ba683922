import type { Tx } from "@/lib/db";
import type { AlertFormat } from "@/lib/generated/prisma/enums";
import type { NormalizedAlert } from "@/lib/alerts/formats/normalized";
import { firstMatchingRule, incidentSeverity, readRules, renderTitle, type RoutingRule } from "@/lib/alerts/rules";
import { recordAlertEvent } from "@/lib/alerts/events";
import { OpenAlerts } from "@/lib/alerts/open-alerts";
import { declareIncidentInTx } from "@/lib/incidents/mutations";
import { recordSystemEvents, type SystemLine } from "@/lib/timeline/system-events";

const PAYLOAD_CAP = 64 * 1024;

export type Source = { id: string; teamId: string; name: string; format: AlertFormat; mapping: string; rules: unknown };
export type Delivery = { id: string; receivedAt: Date };

/** The alert's part of the payload, pretty-printed and cut so one huge alert cannot bloat the table. */
export function cappedPayload(raw: unknown): string {
  const pretty = JSON.stringify(raw, null, 2) ?? "";
  return pretty.length <= PAYLOAD_CAP ? pretty : `${pretty.slice(0, PAYLOAD_CAP)}\n… (cut at ${PAYLOAD_CAP / 1024} KB)`;
}

/** What became of an alert, as the intake metric counts it. */
export type AlertOutcome = "created" | "deduplicated" | "acknowledged" | "resolved" | "ignored";
type Applied = { outcome: AlertOutcome; incidentId: string | null };

/** Applies one alert of a delivery: what became of it, and the incident it is on when something on that changed. */
export async function applyAlert(tx: Tx, book: OpenAlerts, source: Source, delivery: Delivery, alert: NormalizedAlert): Promise<Applied> {
  const now = new Date();
  const open = await book.find(alert.dedupKey);

  if (alert.status === "resolved") {
    if (!open) return { outcome: "ignored", incidentId: null };
    await book.flush(open.id);
    await tx.alert.update({
      where: { id: open.id },
      data: { status: "RESOLVED", openKey: null, endsAt: alert.endsAt ?? delivery.receivedAt, lastSeenAt: delivery.receivedAt, lastDeliveryId: delivery.id },
    });
    book.forget(alert.dedupKey);
    await recordAlertEvent(tx, source.teamId, open.id, "alert.resolved");
    if (!open.incidentId) return { outcome: "resolved", incidentId: null };
    await line(tx, source, open.incidentId, now, { kind: "UPDATE", body: `Alert resolved at ${source.name}: ${open.title}.` });
    return { outcome: "resolved", incidentId: open.incidentId };
  }

  if (open) {
    // Repeats (Alertmanager re-sends firing groups) count, they do not open another alert.
    const acknowledgedNow = alert.status === "acknowledged" && open.status !== "ACKNOWLEDGED";
    const title = open.title;
    book.repeat(open, {
      seenAt: delivery.receivedAt,
      deliveryId: delivery.id,
      acknowledged: alert.status === "acknowledged",
      description: alert.described ? { title: alert.title, severity: alert.severity, labels: alert.labels, annotations: alert.annotations, links: alert.links, payload: cappedPayload(alert.raw) } : null,
    });
    const outcome = alert.status === "acknowledged" ? "acknowledged" : "deduplicated";
    if (acknowledgedNow && open.incidentId) {
      await line(tx, source, open.incidentId, now, { kind: "UPDATE", body: `Alert acknowledged at ${source.name}: ${title}.` });
      return { outcome, incidentId: open.incidentId };
    }
    return { outcome, incidentId: null };
  }
  // An acknowledgement for nothing open (PagerDuty ignores these too).
  if (alert.status === "acknowledged") return { outcome: "ignored", incidentId: null };

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
    select: { id: true, status: true, title: true },
  });
  const incidentId = await route(tx, source, delivery, alert, now);
  if (incidentId) await tx.alert.update({ where: { id: created.id }, data: { incidentId } });
  book.remember(alert.dedupKey, { ...created, incidentId });
  await recordAlertEvent(tx, source.teamId, created.id, "alert.firing");
  return { outcome: "created", incidentId };
}

export async function line(tx: Tx, source: Source, incidentId: string, at: Date, entry: SystemLine) {
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
