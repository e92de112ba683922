import { db, type Tx } from "@/lib/db";
import type { EmailTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashToken, newToken } from "@/lib/teams/tokens";

export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60_000,
  RESET_PASSWORD: 60 * 60_000,
  CHANGE_EMAIL: 24 * 60 * 60_000,
};

/** A fresh link token; only its hash is stored, and any older unused token for the same purpose stops working. */
export async function issueEmailToken(tx: Tx, userId: string, purpose: EmailTokenPurpose, email: string, now = new Date()): Promise<string> {
  await tx.emailToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  const token = newToken();
  await tx.emailToken.create({
    data: { userId, purpose, email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

/**
 * Uses a token up: one statement marks it used only if it is unused and unexpired, so two clicks
 * racing each other cannot both succeed. Null for an unknown, used or expired token.
 */
export async function consumeEmailToken(tx: Tx, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<{ userId: string; email: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const rows = await tx.$queryRaw<{ userId: string; email: string }[]>`
    UPDATE "EmailToken" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hashToken(token)} AND "purpose" = ${purpose}::"EmailTokenPurpose" AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "userId", "email"`;
  return rows[0] ?? null;
}

/** Whether a token would still work, for the page that asks "set a new password" before using it. */
export async function peekEmailToken(token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await db().emailToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  return Boolean(row && row.purpose === purpose && !row.usedAt && row.expiresAt > now);
}
