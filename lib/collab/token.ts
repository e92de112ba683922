import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Long enough to open a connection; each reconnect asks the app for a fresh one. */
export const TOKEN_TTL_MS = 60_000;

const payloadSchema = z.object({
  u: z.string().min(1),
  t: z.string().min(1),
  p: z.string().min(1),
  w: z.boolean(),
  exp: z.number().int(),
});

export type CollabGrant = { userId: string; teamId: string; postmortemId: string; canEdit: boolean; expiresAt: number };

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "hindsight", "collab-token-v1", 32));
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", key(secret)).update(body).digest();
}

/** A token the app signs for one user, one postmortem and one permission; the collaboration server verifies it. */
export function signCollabToken(grant: Omit<CollabGrant, "expiresAt">, secret: string, now = Date.now()): { token: string; expiresAt: number } {
  const expiresAt = now + TOKEN_TTL_MS;
  const body = Buffer.from(JSON.stringify({ u: grant.userId, t: grant.teamId, p: grant.postmortemId, w: grant.canEdit, exp: expiresAt })).toString("base64url");
  return { token: `${body}.${mac(secret, body).toString("base64url")}`, expiresAt };
}

/** The grant a token carries, or null when it is forged, altered, malformed or expired. */
export function verifyCollabToken(token: string, secret: string, now = Date.now()): CollabGrant | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0) return null;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.exp <= now) return null;
  return { userId: parsed.data.u, teamId: parsed.data.t, postmortemId: parsed.data.p, canEdit: parsed.data.w, expiresAt: parsed.data.exp };
}
