import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { recentDeliveriesFor } from "@/lib/outbound/queries";
import { openCredential, UnreadableCredentialError } from "@/lib/crypto/stored-credential";

/** Webhook URLs and tokens are credentials: only their start and end are shown back. */
export function maskCredential(value: string | null): string | null {
  if (!value) return null;
  if (value.length <= 16) return "••••";
  return `${value.slice(0, 12)}…${value.slice(-4)}`;
}

function hintOf(stored: string | null): string | null {
  if (!stored) return null;
  try {
    return maskCredential(openCredential(stored, "chat destination credential"));
  } catch (error) {
    if (error instanceof UnreadableCredentialError) return "unreadable: enter it again";
    throw error;
  }
}

export async function listDestinations(actor: Actor, teamId: string) {
  authorize(actor, "outbound.manage", { teamId });
  const destinations = await db().chatDestination.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, name: true, platform: true, webhookUrl: true, botToken: true, channel: true, events: true, severities: true, enabled: true, disabledReason: true, failingSince: true },
  });
  return Promise.all(
    destinations.map(async ({ webhookUrl, botToken, ...destination }) => ({
      ...destination,
      credentialHint: hintOf(webhookUrl ?? botToken),
      deliveries: await recentDeliveriesFor({ chatDestinationId: destination.id }),
    })),
  );
}
