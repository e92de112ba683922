import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/auth/schema";
import { consumeEmailToken, issueEmailToken } from "@/lib/auth/email-tokens";
import { queuePasswordChangedMail, queuePasswordResetMail } from "@/lib/auth/account-mail";
import { MAIL_LIMITS, RateLimitedError, consume, waitPhrase } from "@/lib/auth/rate-limit";

/**
 * "Forgot password?": mails a reset link when the address has an account. The answer is the
 * same either way; the per-address throttle only stops sending, silently, for the same reason.
 */
export async function requestPasswordReset(input: unknown, ip: string, now = new Date()): Promise<{ email: string }> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const wait = await consume(`mail-ip:${ip}`, MAIL_LIMITS.perIp);
  if (wait > 0) throw new RateLimitedError(`Too many requests from your network. Try again in ${waitPhrase(wait)}.`, wait);
  if ((await consume(`reset:${email}`, MAIL_LIMITS.perRecipient)) > 0) return { email };
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
    if (!user || user.disabledAt) return;
    await queuePasswordResetMail(tx, user, await issueEmailToken(tx, user.id, "RESET_PASSWORD", email, now));
  });
  return { email };
}

/**
 * Sets a new password from a reset link: the token works once and for an hour, every session of
 * the account ends (the caller then signs this browser in) (whoever knew the old password is out), and the address counts as verified
 * since the link was read there.
 */
export async function resetPassword(input: unknown, now = new Date()): Promise<{ id: string; email: string; name: string }> {
  const { token, password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const used = await consumeEmailToken(tx, token, "RESET_PASSWORD", now);
    if (!used) throw new AppError("NOT_FOUND", "This reset link has expired or was already used. Ask for a new one.");
    const user = await tx.user.findFirst({ where: { id: used.userId, email: used.email, disabledAt: null }, select: { id: true, email: true, name: true, emailVerified: true } });
    if (!user) throw new AppError("NOT_FOUND", "This reset link has expired or was already used. Ask for a new one.");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: user.emailVerified ?? now } });
    await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { teamId: null, actorId: user.id, action: "user.password_reset", targetType: "user", targetId: user.id });
    await queuePasswordChangedMail(tx, user);
    return { id: user.id, email: user.email, name: user.name };
  });
}
