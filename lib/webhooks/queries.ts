import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { recentDeliveriesFor } from "@/lib/outbound/queries";
import { maskSecret } from "@/lib/webhooks/signing";

/** A team has a handful of endpoints; each comes with its latest deliveries. Secrets only masked. */
export async function listEndpoints(actor: Actor, teamId: string) {
  authorize(actor, "outbound.manage", { teamId });
  const endpoints = await db().webhookEndpoint.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, url: true, description: true, events: true, secret: true, previousExpiresAt: true, enabled: true, disabledReason: true, failingSince: true, createdAt: true },
  });
  return Promise.all(
    endpoints.map(async ({ secret, ...endpoint }) => ({ ...endpoint, secretHint: maskSecret(secret), deliveries: await recentDeliveriesFor({ webhookEndpointId: endpoint.id }) })),
  );
}
