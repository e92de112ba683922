import { beforeAll, describe, it } from "vitest";
import { db } from "@/lib/db";
import { listTeamDeliveries, recentDeliveriesFor } from "@/lib/outbound/queries";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";

/**
 * Two teams with a long delivery history each (settled deliveries only, so the worker tests
 * running beside this file have nothing of ours to send): the logs read through indexes.
 */
const GROWN = ["OutboundDelivery", "TeamEvent"];
let ctx: Awaited<ReturnType<typeof createTeamWith>>;
let endpointId = "";

async function grow(teamId: string, prefix: string) {
  const endpoint = await db().webhookEndpoint.create({ data: { teamId, url: "https://hooks.example.com/x", secret: "whsec_AAAA", events: [] }, select: { id: true } });
  await db().$executeRawUnsafe(
    `INSERT INTO "TeamEvent" (id, "teamId", type, data, "occurredAt", "fannedOutAt")
     SELECT '${prefix}-evt-' || g, $1, 'incident.updated', '{}', now() - g * interval '1 minute', now() - g * interval '1 minute' FROM generate_series(1, 8000) g`,
    teamId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO "OutboundDelivery" (id, "teamId", "eventId", type, "webhookEndpointId", payload, status, attempts, "createdAt", "updatedAt")
     SELECT '${prefix}-dl-' || g, $1, '${prefix}-evt-' || g, 'incident.updated', $2, '{}', (CASE WHEN g % 10 = 0 THEN 'FAILED' ELSE 'DELIVERED' END)::"DeliveryStatus", 1,
            now() - g * interval '1 minute', now()
       FROM generate_series(1, 8000) g`,
    teamId,
    endpoint.id,
  );
  return endpoint.id;
}

beforeAll(async () => {
  ctx = await createTeamWith();
  const other = await createTeamWith();
  endpointId = await grow(ctx.team.id, `a${ctx.team.id}`);
  await grow(other.team.id, `b${other.team.id}`);
  await db().$executeRawUnsafe(`ANALYZE "OutboundDelivery"; ANALYZE "TeamEvent";`);
}, 120_000);

const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);
const actor = () => ({ userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const });

describe("delivery logs on a grown history", () => {
  it("Settings → Deliveries, first and later pages, all and failed only", async () => {
    await expectIndexed(() => listTeamDeliveries(actor(), ctx.team.id));
    await expectIndexed(() => listTeamDeliveries(actor(), ctx.team.id, { failedOnly: true }));
    await expectIndexed(() => listTeamDeliveries(actor(), ctx.team.id, { before: { createdAt: new Date(Date.now() - 3600_000), id: "zzzz" } }));
  });

  it("an endpoint's recent deliveries", async () => {
    await expectIndexed(() => recentDeliveriesFor({ webhookEndpointId: endpointId }));
  });
});
