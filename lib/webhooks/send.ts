import { safeRequest } from "@/lib/net/safe-request";
import { fromError, fromResponse, type Outcome, type SendOptions } from "@/lib/outbound/outcome";
import { webhookHeaders } from "@/lib/webhooks/signing";
import { openCredential } from "@/lib/crypto/stored-credential";

type Endpoint = { url: string; secret: string; previousSecret: string | null; previousExpiresAt: Date | null };

/** Live secrets, opened: the current one, and the previous one while the rotation overlap lasts. */
export function liveSecrets(endpoint: Endpoint, now: Date): string[] {
  const previous = endpoint.previousSecret && endpoint.previousExpiresAt && endpoint.previousExpiresAt > now ? [endpoint.previousSecret] : [];
  return [endpoint.secret, ...previous].map((stored) => openCredential(stored, "webhook signing secret"));
}

/**
 * Posts the event signed per Standard Webhooks. The id is the event's, identical on every retry;
 * the timestamp is the wall clock of this attempt, as receivers check it against theirs.
 */
export async function sendWebhook(endpoint: Endpoint, eventId: string, payload: unknown, now: Date, options: SendOptions): Promise<Outcome> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  try {
    const response = await safeRequest(endpoint.url, { body, headers: webhookHeaders(liveSecrets(endpoint, now), eventId, timestamp, body), policy: options.policy });
    return fromResponse(response);
  } catch (error) {
    return fromError(error, started);
  }
}
