import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** Requests from the app to the collaboration server carry an HMAC of their body, valid for a minute. */
const MAX_AGE_MS = 60_000;

function sign(secret: string, body: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "hindsight", "collab-internal-v1", 32));
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function signedRequestBody(payload: object, secret: string, now = Date.now()): { body: string; signature: string } {
  const body = JSON.stringify({ ...payload, sentAt: now });
  return { body, signature: sign(secret, body) };
}

export function verifySignedBody(body: string, signature: string, secret: string, now = Date.now()): unknown {
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed !== "object" || parsed === null || !("sentAt" in parsed) || typeof parsed.sentAt !== "number") return null;
  return Math.abs(now - parsed.sentAt) <= MAX_AGE_MS ? parsed : null;
}
