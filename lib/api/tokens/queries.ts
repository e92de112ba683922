import { db } from "@/lib/db";
import { authorize, type Actor, type TokenGrant } from "@/lib/authz";
import { hashApiSecret, looksLikeApiSecret } from "@/lib/api/tokens/secrets";

/** Last-used times are informative, not exact: one write a minute per token at most. */
const LAST_USED_PRECISION_MS = 60_000;
const LIST_LIMIT = 100;

const listSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  scopes: { select: { access: true, team: { select: { name: true, slug: true } } } },
} as const;

export async function listPersonalTokens(userId: string) {
  return db().apiToken.findMany({ where: { userId, kind: "PERSONAL" }, select: listSelect, orderBy: { createdAt: "desc" }, take: LIST_LIMIT });
}

export async function listServiceTokens(actor: Actor, teamId: string) {
  authorize(actor, "apiToken.manage", { teamId });
  return db().apiToken.findMany({ where: { teamId, kind: "SERVICE" }, select: listSelect, orderBy: { createdAt: "desc" }, take: LIST_LIMIT });
}

export type TokenRow = Awaited<ReturnType<typeof listPersonalTokens>>[number];

/**
 * The grant behind a bearer secret, or null when it is unknown, revoked, expired, or its owner was
 * disabled. Service tokens' own users are never enabled (they cannot sign in), so only personal
 * tokens check it.
 */
export async function authenticateSecret(secret: string, now = new Date()): Promise<TokenGrant | null> {
  if (!looksLikeApiSecret(secret)) return null;
  const token = await db().apiToken.findUnique({
    where: { hash: hashApiSecret(secret) },
    select: { id: true, kind: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { disabledAt: true } }, scopes: { select: { teamId: true, access: true } } },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (token.kind === "PERSONAL" && token.user.disabledAt) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db().apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: token.id, kind: token.kind, userId: token.userId, scopes: Object.fromEntries(token.scopes.map((s) => [s.teamId, s.access])) };
}
