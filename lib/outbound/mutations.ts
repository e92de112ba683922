import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { OUTBOUND_CHANNEL, newEventId } from "@/lib/outbound/events";
import { PAYLOAD_VERSION, type TeamEventType } from "@/lib/outbound/event-types";
import { deliveryRefSchema } from "@/lib/outbound/schema";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

/** Queues a test event for one endpoint or destination; the worker sends it like any other. */
export async function queueTestDelivery(tx: Tx, teamId: string, target: { webhookEndpointId: string } | { chatDestinationId: string }, type: Extract<TeamEventType, "webhook.test" | "chat.test">) {
  const id = newEventId();
  const payload = { type, version: PAYLOAD_VERSION, id, occurredAt: new Date().toISOString(), data: { message: "This is a test from Hindsight: incident events will arrive here." } };
  await tx.outboundDelivery.create({ data: { teamId, eventId: id, type, payload: payload as InputJsonValue, ...target } });
  await tx.$executeRaw`SELECT pg_notify(${OUTBOUND_CHANNEL}, ${id})`;
  return id;
}

/**
 * Sends a failed delivery again, as the same message (same id), on a fresh schedule. Only failed
 * ones: a delivery a receiver acknowledged is never sent twice.
 */
export async function redeliver(userId: string, input: unknown) {
  const data = parseInput(deliveryRefSchema, input);
  return db().$transaction(async (tx) => {
    authorize(await loadActor(tx, userId, data.teamId), "outbound.manage", { teamId: data.teamId });
    const delivery = await tx.outboundDelivery.findFirst({ where: { id: data.deliveryId, teamId: data.teamId }, select: { id: true, status: true, webhookEndpoint: { select: { enabled: true } }, chatDestination: { select: { enabled: true } } } });
    if (!delivery) throw new AppError("NOT_FOUND", "This delivery was not found.");
    if (delivery.status !== "FAILED") throw new AppError("CONFLICT", delivery.status === "DELIVERED" ? "This delivery was already acknowledged by the receiver." : "This delivery is still being tried.");
    if (delivery.webhookEndpoint?.enabled === false || delivery.chatDestination?.enabled === false) throw new AppError("CONFLICT", "Enable the destination first.");
    await tx.outboundDelivery.updateMany({ where: { id: delivery.id, teamId: data.teamId, status: "FAILED" }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null } });
    await tx.$executeRaw`SELECT pg_notify(${OUTBOUND_CHANNEL}, ${delivery.id})`;
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "outbound.redelivered", targetType: "delivery", targetId: delivery.id });
    return { id: delivery.id };
  });
}
