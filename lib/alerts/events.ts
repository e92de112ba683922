import type { Tx } from "@/lib/db";
import { publicOrigin } from "@/lib/publishing/origin";
import type { AlertSummary } from "@/lib/outbound/event-types";
import { incidentSummary, recordTeamEvent } from "@/lib/outbound/events";

type AlertEventType = "alert.firing" | "alert.resolved" | "alert.attached";

function labelsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * An alert event in the outbox, inside the transaction that changed the alert: the alert as it
 * now stands, and its incident when it is on one.
 */
export async function recordAlertEvent(tx: Tx, teamId: string, alertId: string, type: AlertEventType, occurredAt?: Date): Promise<string> {
  const alert = await tx.alert.findFirstOrThrow({
    where: { id: alertId, teamId },
    select: {
      id: true, title: true, status: true, severity: true, dedupKey: true, startsAt: true, endsAt: true, labels: true, incidentId: true,
      source: { select: { id: true, name: true, team: { select: { slug: true } } } },
    },
  });
  const summary: AlertSummary = {
    id: alert.id,
    title: alert.title,
    status: alert.status,
    severity: alert.severity,
    dedupKey: alert.dedupKey,
    startsAt: alert.startsAt.toISOString(),
    endsAt: alert.endsAt?.toISOString() ?? null,
    labels: labelsOf(alert.labels),
    source: { id: alert.source.id, name: alert.source.name },
    url: `${publicOrigin()}/t/${alert.source.team.slug}/alerts?source=${alert.source.id}`,
  };
  const incident = alert.incidentId ? await incidentSummary(tx, teamId, alert.incidentId) : undefined;
  return recordTeamEvent(tx, { teamId, type, occurredAt, data: incident ? { alert: summary, incident } : { alert: summary } });
}
