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

type Target = { kind: "webhook"; id: string; teamId: string; label: string } | { kind: "chat"; id: string; teamId: string; label: string };

async function attempt(deliveryId: string, now: Date, options: SendOptions): Promise<{ outcome: Outcome; target: Target } | null> {
  const delivery = await db().outboundDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      eventId: true,
      payload: true,
      status: true,
      webhookEndpoint: { select: { id: true, teamId: true, url: true, secret: true, previousSecret: true, previousExpiresAt: true, enabled: true, description: true } },
      chatDestination: { select: { id: true, teamId: true, name: true, platform: true, webhookUrl: true, botToken: true, channel: true, enabled: true } },
    },
  });
  if (!delivery || delivery.status !== "PENDING") return null;
  const event = delivery.payload as unknown as EventEnvelope;
  if (delivery.webhookEndpoint) {
    const endpoint = delivery.webhookEndpoint;
    if (!endpoint.enabled) return { outcome: disabledOutcome, target: { kind: "webhook", id: endpoint.id, teamId: endpoint.teamId, label: endpoint.url } };
    return { outcome: await sendWebhook(endpoint, delivery.eventId, event, now, options), target: { kind: "webhook", id: endpoint.id, teamId: endpoint.teamId, label: endpoint.description || endpoint.url } };
  }
  if (delivery.chatDestination) {
    const destination = delivery.chatDestination;
    if (!destination.enabled) return { outcome: disabledOutcome, target: { kind: "chat", id: destination.id, teamId: destination.teamId, label: destination.name } };
    return { outcome: await sendChat(destination, event, options), target: { kind: "chat", id: destination.id, teamId: destination.teamId, label: destination.name } };
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
  return db().$transaction(async (tx) => {
    const current = await tx.outboundDelivery.findUnique({ where: { id: deliveryId }, select: { attempts: true, status: true } });
    if (!current || current.status !== "PENDING") return "skipped";
    const attempts = current.attempts + 1;
    await tx.deliveryAttempt.create({ data: { deliveryId, at: now, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, response: outcome.response, error: outcome.error } });
    const last = { attempts, leaseUntil: null, lastStatusCode: outcome.statusCode, lastLatencyMs: outcome.latencyMs, lastResponse: outcome.response, lastError: outcome.error };
    if (outcome.ok) {
      await tx.outboundDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { ...last, status: "DELIVERED", deliveredAt: now } });
      await markHealthy(tx, target);
      return "delivered";
    }
    const next = outcome.error === disabledOutcome.error ? null : nextAttemptAt(attempts, now);
    await tx.outboundDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { ...last, ...(next ? { nextAttemptAt: next } : { status: "FAILED" }) } });
    if (outcome.error !== disabledOutcome.error) await markFailing(tx, target, now, notifier);
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
