import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";

export const DELIVERY_LOG_LIMIT = 10;

const deliverySelect = {
  id: true,
  eventId: true,
  type: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  deliveredAt: true,
  lastStatusCode: true,
  lastLatencyMs: true,
  lastResponse: true,
  lastError: true,
  createdAt: true,
  webhookEndpoint: { select: { url: true, description: true } },
  chatDestination: { select: { name: true, platform: true } },
} as const;

export type DeliveryRow = Awaited<ReturnType<typeof listTeamDeliveries>>["rows"][number];

/** The team's latest deliveries over every channel, newest first, keyset-paginated by (createdAt, id). */
export async function listTeamDeliveries(actor: Actor, teamId: string, options: { failedOnly?: boolean; before?: { createdAt: Date; id: string } | null; limit?: number } = {}) {
  authorize(actor, "outbound.manage", { teamId });
  const limit = options.limit ?? 50;
  const before = options.before;
  const rows = await db().outboundDelivery.findMany({
    where: {
      teamId,
      ...(options.failedOnly ? { status: "FAILED" as const } : {}),
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: deliverySelect,
  });
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** Each target's latest deliveries, for the log under it. */
export async function recentDeliveriesFor(targets: { webhookEndpointId: string } | { chatDestinationId: string }) {
  return db().outboundDelivery.findMany({ where: targets, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: DELIVERY_LOG_LIMIT, select: deliverySelect });
}
