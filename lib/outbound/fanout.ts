import { db } from "@/lib/db";
import { destinationWants } from "@/lib/chat/rules";
import { PAYLOAD_VERSION, type EventData, type EventEnvelope, type TeamEventType } from "@/lib/outbound/event-types";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

const BATCH = 200;

export function envelope(event: { id: string; type: string; occurredAt: Date; data: unknown }): EventEnvelope {
  return { type: event.type as TeamEventType, version: PAYLOAD_VERSION, id: event.id, occurredAt: event.occurredAt.toISOString(), data: event.data as EventData };
}

/**
 * Turns recorded events into one delivery per matching endpoint and destination. Claimed with
 * SKIP LOCKED and marked in the same transaction, so two workers never fan out one event, and a
 * crash before the commit leaves the event to the next run. Returns how many events it handled.
 */
export async function fanOutEvents(now: Date): Promise<number> {
  return db().$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: string; teamId: string; type: string; data: unknown; occurredAt: Date }[]>`
      SELECT id, "teamId", type, data, "occurredAt" FROM "TeamEvent"
       WHERE "fannedOutAt" IS NULL ORDER BY "occurredAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return 0;
    const teamIds = [...new Set(events.map((e) => e.teamId))];
    const [endpoints, destinations] = await Promise.all([
      tx.webhookEndpoint.findMany({ where: { teamId: { in: teamIds }, enabled: true }, select: { id: true, teamId: true, events: true } }),
      tx.chatDestination.findMany({ where: { teamId: { in: teamIds }, enabled: true }, select: { id: true, teamId: true, events: true, severities: true, platform: true } }),
    ]);
    const rows = events.flatMap((event) => {
      const payload = envelope(event) as unknown as InputJsonValue;
      const base = { teamId: event.teamId, eventId: event.id, type: event.type, payload, nextAttemptAt: now };
      const hooks = endpoints
        .filter((e) => e.teamId === event.teamId && (e.events.length === 0 || e.events.includes(event.type)))
        .map((e) => ({ ...base, webhookEndpointId: e.id }));
      const chats = destinations
        .filter((d) => d.teamId === event.teamId && destinationWants(d, event.type, event.data as EventData))
        .map((d) => ({ ...base, chatDestinationId: d.id, subjectId: d.platform === "SLACK_BOT" ? ((event.data as EventData).incident?.id ?? null) : null }));
      return [...hooks, ...chats];
    });
    if (rows.length) await tx.outboundDelivery.createMany({ data: rows, skipDuplicates: true });
    await tx.teamEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { fannedOutAt: now } });
    return events.length;
  });
}
