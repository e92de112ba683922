import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { queueTestDelivery } from "@/lib/outbound/mutations";
import { sealCredential } from "@/lib/crypto/stored-credential";
import { createDestinationSchema, destinationRefSchema, setDestinationEnabledSchema, updateDestinationSchema } from "@/lib/chat/schema";

async function manage(tx: Tx, userId: string, teamId: string) {
  authorize(await loadActor(tx, userId, teamId), "outbound.manage", { teamId });
}

async function findDestination(tx: Tx, teamId: string, destinationId: string) {
  const destination = await tx.chatDestination.findFirst({ where: { id: destinationId, teamId }, select: { id: true, name: true, platform: true } });
  if (!destination) throw new AppError("NOT_FOUND", "This chat destination was not found.");
  return destination;
}

const sealed = (value: string | undefined) => (value === undefined ? undefined : sealCredential(value, "chat destination credential"));

export async function createDestination(userId: string, input: unknown) {
  const data = parseInput(createDestinationSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const bot = data.platform === "SLACK_BOT";
    const destination = await tx.chatDestination.create({
      data: { teamId: data.teamId, name: data.name, platform: data.platform, webhookUrl: bot ? null : sealed(data.webhookUrl), botToken: bot ? sealed(data.botToken) : null, channel: bot ? data.channel : null, events: data.events, severities: data.severities },
      select: { id: true },
    });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "chat.created", targetType: "chat_destination", targetId: destination.id, data: { name: data.name, platform: data.platform, events: data.events, severities: data.severities } });
    return { id: destination.id };
  });
}

export async function updateDestination(userId: string, input: unknown) {
  const data = parseInput(updateDestinationSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const destination = await findDestination(tx, data.teamId, data.destinationId);
    const bot = destination.platform === "SLACK_BOT";
    await tx.chatDestination.updateMany({
      where: { id: destination.id, teamId: data.teamId },
      data: {
        name: data.name,
        events: data.events,
        severities: data.severities,
        ...(bot ? { botToken: sealed(data.botToken), channel: data.channel } : { webhookUrl: sealed(data.webhookUrl) }),
      },
    });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "chat.updated", targetType: "chat_destination", targetId: destination.id, data: { events: data.events, severities: data.severities, secretChanged: Boolean(data.botToken ?? data.webhookUrl) } });
    return { id: destination.id };
  });
}

export async function setDestinationEnabled(userId: string, input: unknown) {
  const data = parseInput(setDestinationEnabledSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const destination = await findDestination(tx, data.teamId, data.destinationId);
    await tx.chatDestination.updateMany({ where: { id: destination.id, teamId: data.teamId }, data: data.enabled ? { enabled: true, disabledReason: "", failingSince: null } : { enabled: false, disabledReason: "Disabled by an admin." } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: data.enabled ? "chat.enabled" : "chat.disabled", targetType: "chat_destination", targetId: destination.id });
    return { enabled: data.enabled };
  });
}

export async function deleteDestination(userId: string, input: unknown) {
  const data = parseInput(destinationRefSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const destination = await findDestination(tx, data.teamId, data.destinationId);
    await tx.chatDestination.deleteMany({ where: { id: destination.id, teamId: data.teamId } });
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "chat.deleted", targetType: "chat_destination", targetId: destination.id, data: { name: destination.name } });
    return { id: destination.id };
  });
}

export async function sendTestMessage(userId: string, input: unknown) {
  const data = parseInput(destinationRefSchema, input);
  return db().$transaction(async (tx) => {
    await manage(tx, userId, data.teamId);
    const destination = await findDestination(tx, data.teamId, data.destinationId);
    const eventId = await queueTestDelivery(tx, data.teamId, { chatDestinationId: destination.id }, "chat.test");
    await recordAudit(tx, { teamId: data.teamId, actorId: userId, action: "chat.test_sent", targetType: "chat_destination", targetId: destination.id, data: { eventId } });
    return { eventId };
  });
}
