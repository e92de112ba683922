import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { queueTestDelivery } from "@/lib/outbound/mutations";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { sealCredential } from "@/lib/crypto/stored-credential";
import { createEndpointSchema, endpointRefSchema, setEndpointEnabledSchema, updateEndpointSchema } from "@/lib/webhooks/schema";

/** During a rotation the old secret keeps signing this long, so receivers can switch without losing a message. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

async function manage(tx: Tx, userId: string, teamId: string) {
  authorize(await loadActor(tx, userId, teamId), "outbound.manage", { teamId });
}

async function findEndpoint(tx: Tx, teamId: string, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, teamId }, select: { id: true, url: true, secret: true } });
  if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint was not found.");
  return endpoint;
}

/** Adds an endpoint; the signing secret is returned this once and never shown again. */
export async function createEndpoint(userId: string, input: unknown) {
  const data = parseInput(createEndpointSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const secret = newWebhookSecret();
    const endpoint = await tx.webhookEndpoint.create({ data: { teamId: data.teamId, url: data.url, description: data.description, events: data.events, secret: sealCredential(secret, "webhook signing secret") }, select: { id: true } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "webhook.created", targetType: "webhook_endpoint", targetId: endpoint.id, data: { url: data.url, events: data.events } });
    return { id: endpoint.id, secret };
  });
}

export async function updateEndpoint(userId: string, input: unknown) {
  const data = parseInput(updateEndpointSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const endpoint = await findEndpoint(tx, data.teamId, data.endpointId);
    await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, teamId: data.teamId }, data: { url: data.url, description: data.description, events: data.events } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "webhook.updated", targetType: "webhook_endpoint", targetId: endpoint.id, data: { url: data.url, events: data.events } });
    return { id: endpoint.id };
  });
}

/** Turning an endpoint back on forgets its failure streak, so it gets a full day again. */
export async function setEndpointEnabled(userId: string, input: unknown) {
  const data = parseInput(setEndpointEnabledSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const endpoint = await findEndpoint(tx, data.teamId, data.endpointId);
    await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, teamId: data.teamId }, data: data.enabled ? { enabled: true, disabledReason: "", failingSince: null } : { enabled: false, disabledReason: "Disabled by an admin." } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: data.enabled ? "webhook.enabled" : "webhook.disabled", targetType: "webhook_endpoint", targetId: endpoint.id });
    return { enabled: data.enabled };
  });
}

/** A new secret, shown once; the old one still signs (a second signature) for ROTATION_OVERLAP_MS. */
export async function rotateSecret(userId: string, input: unknown, now = new Date()) {
  const data = parseInput(endpointRefSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const endpoint = await findEndpoint(tx, data.teamId, data.endpointId);
    const secret = newWebhookSecret();
    await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, teamId: data.teamId }, data: { secret: sealCredential(secret, "webhook signing secret"), previousSecret: endpoint.secret, previousExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS) } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "webhook.secret_rotated", targetType: "webhook_endpoint", targetId: endpoint.id });
    return { id: endpoint.id, secret };
  });
}

export async function deleteEndpoint(userId: string, input: unknown) {
  const data = parseInput(endpointRefSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const endpoint = await findEndpoint(tx, data.teamId, data.endpointId);
    await tx.webhookEndpoint.deleteMany({ where: { id: endpoint.id, teamId: data.teamId } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "webhook.deleted", targetType: "webhook_endpoint", targetId: endpoint.id, data: { url: endpoint.url } });
    return { id: endpoint.id };
  });
}

export async function sendTestEvent(userId: string, input: unknown) {
  const data = parseInput(endpointRefSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const endpoint = await findEndpoint(tx, data.teamId, data.endpointId);
    const eventId = await queueTestDelivery(tx, data.teamId, { webhookEndpointId: endpoint.id }, "webhook.test");
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "webhook.test_sent", targetType: "webhook_endpoint", targetId: endpoint.id, data: { eventId } });
    return { eventId };
  });
}
