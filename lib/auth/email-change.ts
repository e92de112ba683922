import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "@/lib/audit/record";
import { changeEmailSchema } from "@/lib/auth/schema";
import { consumeEmailToken, issueEmailToken } from "@/lib/auth/email-tokens";
import { queueEmailChangeMails } from "@/lib/auth/account-mail";
import { MAIL_LIMITS, RateLimitedError, consume, waitPhrase } from "@/lib/auth/rate-limit";
import { isUniqueViolation } from "@/lib/prisma-errors";

/**
 * Asks to move the account to a new address: nothing changes until the new address confirms.
 * The answer does not say whether the address is taken; its owner is told instead.
 */
export async function requestEmailChange(userId: string, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { email } = parseInput(changeEmailSchema, input);
  const wait = await consume(`email-change:${userId}`, MAIL_LIMITS.perRecipient);
  if (wait > 0) throw new RateLimitedError(`You asked a few times already. Try again in ${waitPhrase(wait)}.`, wait);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (user.email === email) throw new AppError("VALIDATION", "That is already your address.", { email: ["That is already your address."] });
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    await queueEmailChangeMails(tx, user, email, taken ? null : await issueEmailToken(tx, user.id, "CHANGE_EMAIL", email, now));
    await recordAudit(tx, { teamId: null, actorId: userId, action: "user.email_change_requested", targetType: "user", targetId: userId });
  });
  return { email };
}

/** The link from the new address: the account moves there, verified. */
export async function confirmEmailChange(token: string, now = new Date()): Promise<{ email: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const used = await consumeEmailToken(tx, token, "CHANGE_EMAIL", now);
      if (!used) throw new AppError("NOT_FOUND", "This link has expired or was already used. Ask for a new one from your account settings.");
      await tx.user.update({ where: { id: used.userId }, data: { email: used.email, emailVerified: now } });
      await recordAudit(tx, { teamId: null, actorId: used.userId, action: "user.email_changed", targetType: "user", targetId: used.userId, data: { email: used.email } });
      return { email: used.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Another account took this address in the meantime.");
    throw error;
  }
}
