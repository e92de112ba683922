import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/schema";
import { RateLimitedError, SIGN_IN_LIMITS, consume, ipKey, refund, waitPhrase } from "@/lib/auth/rate-limit";
import { issueEmailToken } from "@/lib/auth/email-tokens";
import { queueSignUpAttemptMail, queueVerificationMail } from "@/lib/auth/account-mail";
import { rememberAddress } from "@/lib/auth/sign-in-addresses";
import { isUniqueViolation } from "@/lib/prisma-errors";

/**
 * Creates a password account and mails a link to verify its address. The answer is the same
 * whether or not the address already has an account (its owner gets a "someone tried to sign up"
 * mail instead), so the form cannot be used to find out who has an account; the new account is
 * not signed in here for the same reason. Both paths hash a password and write one outbox row.
 */
export async function signUp(input: unknown, ip: string, now = new Date()): Promise<{ email: string }> {
  // Input that does not parse reveals nothing and costs nothing, so it is not counted.
  const { name, email, password } = parseInput(signUpSchema, input);
  const wait = await consume(ipKey(ip), SIGN_IN_LIMITS.perIp);
  if (wait > 0) {
    throw new RateLimitedError(`Too many attempts from your network. Try again in ${waitPhrase(wait)}.`, wait);
  }
  const passwordHash = await hashPassword(password);
  let createdId: string | null = null;
  try {
    createdId = await db().$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
      if (existing) {
        await queueSignUpAttemptMail(tx, existing, now);
        return null;
      }
      const created = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true, email: true, name: true } });
      await tx.auditEvent.create({ data: { actorId: created.id, action: "user.signed_up", targetType: "user", targetId: created.id } });
      await queueVerificationMail(tx, created, await issueEmailToken(tx, created.id, "VERIFY_EMAIL", email, now));
      return created.id;
    });
  } catch (error) {
    // Someone signed up with the same address a moment earlier: same answer, nothing to send.
    if (!isUniqueViolation(error)) throw error;
  }
  // A new account gives its attempt back (as a successful sign-in does); a probe keeps costing.
  if (createdId) await Promise.all([refund(ipKey(ip)), rememberAddress(createdId, ip)]);
  return { email };
}
