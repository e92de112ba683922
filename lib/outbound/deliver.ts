import { db, type Tx } from "@/lib/db";
import type { Notifier } from "@/lib/notifications/notifier";
import { sendWebhook } from "@/lib/webhooks/send";
import { sendChat } from "@/lib/chat/send";
import type { EventEnvelope } from "@/lib/outbound/event-types";
import type { Outcome, SendOptions } from "@/lib/outbound/outcome";
import { DISABLE_AFTER_MS, LEASE_MS, nextAttemptAt } from "@/lib/outbound/schedule";

/**
 * Takes due deliveries for this worker until the lease ends. A Slack bot message about one
 * incident waits for the earlier ones (they post the message later ones update).
 */
export async function claimDue(now: Date, limit: number): Promise<string[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE "OutboundDelivery" d SET "leaseUntil" = ${leaseUntil}
     WHERE d.id IN (
       SELECT c.id FROM "OutboundDelivery" c
        WHERE c.status = 'PENDING' AND c."nextAttemptAt" <= ${now} AND (c."leaseUntil" IS NULL OR c."leaseUntil" < ${now})
          AND (c."subjectId" IS NULL OR NOT EXISTS (
                SELECT 1 FROM "OutboundDelivery" e
                 WHERE e."chatDestinationId" = c."chatDestinationId" AND e."subjectId" = c."subjectId"
                   AND e.status = 'PENDING' AND (e."createdAt", e.id) < (c."createdAt", c.id)))
        ORDER BY c."nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id`;
  return rows.map((r) => r.id);
}

type Target = { kind: "webhook" | "chat"; id: string; teamId: string; label: string; failing: boolean };
type Attempt = { outcome: Outcome; target: Target; attempts: number };

async function attempt(deliveryId: string, now: Date, options: SendOptions): Promise<Attempt | null> {
  const delivery = await db().outboundDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      eventId: true,
      payload: true,
      status: true,
      attempts: true,
      webhookEndpoint: { select: { id: true, teamId: true, url: true, secret: true, previousSecret: true, previousExpiresAt: true, enabled: true, description: true, failingSince: true } },
      chatDestination: { select: { id: true, teamId: true, name: true, platform: true, webhookUrl: true, botToken: true, channel: true, enabled: true, failingSince: true } },
    },
  });
  if (!delivery || delivery.status !== "PENDING") return null;
  const event = delivery.payload as unknown as EventEnvelope;
  const { attempts } = delivery;
  if (delivery.webhookEndpoint) {
    const endpoint = delivery.webhookEndpoint;
    const target: Target = { kind: "webhook", id: endpoint.id, teamId: endpoint.teamId, label: endpoint.description || endpoint.url, failing: endpoint.failingSince !== null };
    return { target, attempts, outcome: endpoint.enabled ? await sendWebhook(endpoint, delivery.eventId, event, now, options) : disabledOutcome };
  }
  if (delivery.chatDestination) {
    const destination = delivery.chatDestination;
    const target: Target = { kind: "chat", id: destination.id, teamId: destination.teamId, label: destination.name, failing: destination.failingSince !== null };
    return { target, attempts, outcome: destination.enabled ? await sendChat(destination, event, options) : disabledOutcome };
  }
  return null;
}

const disabledOutcome: Outcome = { ok: false, statusCode: null, latencyMs: 0, response: "", error: "Not sent: the destination is disabled." };

/**
 * Sends one claimed delivery and records the outcome. A 2xx marks it DELIVERED only while it is
 * still PENDING, so a receiver that acknowledged is never sent it again; a failure schedules the
 * next attempt on the backoff schedule, and a target failing for longer than a day is disabled.
 */
export async function deliverOne(deliveryId: string, now: Date, options: SendOptions, notifier: Notifier): Promise<"delivered" | "retry" | "failed" | "skipped"> {
  const result = await attempt(deliveryId, now, options);
  if (!result) return "skipped";
  const { outcome, target } = result;
  const attempts = result.attempts + 1;
  const last = { attempts, leaseUntil: null, lastStatusCode: outcome.statusCode, lastLatencyMs: outcome.latencyMs, lastResponse: outcome.response, lastError: outcome.error };
  const next = outcome.ok || outcome === disabledOutcome ? null : nextAttemptAt(attempts, now);
  return db().$transaction(async (tx) => {
    // Guarded by status and attempt count: if anyone settled this delivery meanwhile, this outcome is dropped.
    const settled = await tx.outboundDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING", attempts: result.attempts },
      data: outcome.ok ? { ...last, status: "DELIVERED", deliveredAt: now } : { ...last, ...(next ? { nextAttemptAt: next } : { status: "FAILED" }) },
    });
    if (settled.count === 0) return "skipped";
    await tx.deliveryAttempt.create({ data: { deliveryId, at: now, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, response: outcome.response, error: outcome.error } });
    if (outcome.ok) {
      if (target.failing) await markHealthy(tx, target);
      return "delivered";
    }
    if (outcome !== disabledOutcome) await markFailing(tx, target, now, notifier);
    return next ? "retry" : "failed";
  });
}

async function markHealthy(tx: Tx, target: Target) {
  if (target.kind === "webhook") await tx.webhookEndpoint.updateMany({ where: { id: target.id, failingSince: { not: null } }, data: { failingSince: null } });
  else await tx.chatDestination.updateMany({ where: { id: target.id, failingSince: { not: null } }, data: { failingSince: null } });
}

async function markFailing(tx: Tx, target: Target, now: Date, notifier: Notifier) {
  const table = target.kind === "webhook" ? tx.webhookEndpoint : tx.chatDestination;
  const row = target.kind === "webhook"
    ? await tx.webhookEndpoint.findUnique({ where: { id: target.id }, select: { failingSince: true, enabled: true } })
    : await tx.chatDestination.findUnique({ where: { id: target.id }, select: { failingSince: true, enabled: true } });
  if (!row?.enabled) return;
  if (!row.failingSince) {
    await (table as typeof tx.webhookEndpoint).updateMany({ where: { id: target.id }, data: { failingSince: now } });
    return;
  }
  if (now.getTime() - row.failingSince.getTime() < DISABLE_AFTER_MS) return;
  const reason = `Disabled automatically on ${now.toISOString()}: every attempt since ${row.failingSince.toISOString()} failed.`;
  await (table as typeof tx.webhookEndpoint).updateMany({ where: { id: target.id, enabled: true }, data: { enabled: false, disabledReason: reason } });
  const where = target.kind === "webhook" ? { webhookEndpointId: target.id } : { chatDestinationId: target.id };
  await tx.outboundDelivery.updateMany({ where: { ...where, status: "PENDING" }, data: { status: "FAILED", lastError: "Not sent: the destination was disabled.", leaseUntil: null } });
  const team = await tx.team.findUniqueOrThrow({ where: { id: target.teamId }, select: { slug: true, memberships: { where: { role: { in: ["OWNER", "ADMIN"] } }, select: { userId: true } } } });
  const page = target.kind === "webhook" ? "webhooks" : "chat";
  await notifier.notify(
    team.memberships.map((m) => ({
      userId: m.userId,
      teamId: target.teamId,
      kind: "outbound.disabled" as const,
      dedupeKey: `outbound-disabled:${target.id}:${now.toISOString()}`,
      message: `${target.kind === "webhook" ? "Webhook endpoint" : "Chat destination"} “${target.label}” was disabled after failing for more than a day.`,
      href: `/t/${team.slug}/settings/${page}`,
    })),
    tx,
  );
}
