import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { consumeEmailToken, issueEmailToken } from "@/lib/auth/email-tokens";
import { queueVerificationMail } from "@/lib/auth/account-mail";
import { MAIL_LIMITS, RateLimitedError, consume, waitPhrase } from "@/lib/auth/rate-limit";

/** "Resend" from the unverified-address banner or account settings. */
export async function resendVerification(userId: string, now = new Date()): Promise<{ email: string }> {
  const wait = await consume(`verify:${userId}`, MAIL_LIMITS.perRecipient);
  if (wait > 0) throw new RateLimitedError(`We sent a few links already. Try again in ${waitPhrase(wait)}.`, wait);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, emailVerified: true } });
    if (user.emailVerified) throw new AppError("CONFLICT", "Your address is already verified.");
    await queueVerificationMail(tx, user, await issueEmailToken(tx, user.id, "VERIFY_EMAIL", user.email, now));
    return { email: user.email };
  });
}

/** The link from the verification mail; works once, and only for the address it was sent to. */
export async function verifyEmail(token: string, now = new Date()): Promise<{ email: string }> {
  return db().$transaction(async (tx) => {
    const used = await consumeEmailToken(tx, token, "VERIFY_EMAIL", now);
    if (!used) throw new AppError("NOT_FOUND", "This link has expired or was already used. Sign in and ask for a new one.");
    const { count } = await tx.user.updateMany({ where: { id: used.userId, email: used.email, emailVerified: null }, data: { emailVerified: now } });
    if (count > 0) await recordAudit(tx, { teamId: null, actorId: used.userId, action: "user.email_verified", targetType: "user", targetId: used.userId });
    return { email: used.email };
  });
}
