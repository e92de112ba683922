import { db } from "@/lib/db";
import { isSealedCredential, SEALED_PREFIX, sealCredential, type CredentialPurpose } from "@/lib/crypto/stored-credential";

const PLAIN = { not: { startsWith: SEALED_PREFIX } };

const sealIfPlain = (value: string | null, purpose: CredentialPurpose) => (value !== null && !isSealedCredential(value) ? sealCredential(value, purpose) : value);

/**
 * Seals webhook secrets and chat credentials stored in plain text before sealing existed. Run
 * when the worker starts; each row is rewritten only if it still holds what was read, so
 * instances starting together cannot seal a value twice.
 */
export async function sealLegacyCredentials(): Promise<number> {
  let sealed = 0;
  const endpoints = await db().webhookEndpoint.findMany({
    where: { OR: [{ secret: PLAIN }, { previousSecret: PLAIN }] },
    select: { id: true, secret: true, previousSecret: true },
  });
  for (const endpoint of endpoints) {
    const { count } = await db().webhookEndpoint.updateMany({
      where: { id: endpoint.id, secret: endpoint.secret, previousSecret: endpoint.previousSecret },
      data: { secret: sealIfPlain(endpoint.secret, "webhook signing secret") ?? endpoint.secret, previousSecret: sealIfPlain(endpoint.previousSecret, "webhook signing secret") },
    });
    sealed += count;
  }
  const destinations = await db().chatDestination.findMany({
    where: { OR: [{ webhookUrl: PLAIN }, { botToken: PLAIN }] },
    select: { id: true, webhookUrl: true, botToken: true },
  });
  for (const destination of destinations) {
    const { count } = await db().chatDestination.updateMany({
      where: { id: destination.id, webhookUrl: destination.webhookUrl, botToken: destination.botToken },
      data: { webhookUrl: sealIfPlain(destination.webhookUrl, "chat destination credential"), botToken: sealIfPlain(destination.botToken, "chat destination credential") },
    });
    sealed += count;
  }
  return sealed;
}
