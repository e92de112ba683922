import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/schema";
import { RateLimitedError, SIGN_IN_LIMITS, consume, ipKey, refund, waitPhrase } from "@/lib/auth/rate-limit";
import { rememberAddress } from "@/lib/auth/sign-in-addresses";
import { isUniqueViolation } from "@/lib/prisma-errors";

/**
 * Creates a password account. Until e-mail verification exists the form must say when an email
 * is taken, so asking costs what a sign-in guess costs: the same per-address budget (counted
 * before any work, given back when an account is created) and a password hash either way.
 */
export async function signUp(input: unknown, ip: string): Promise<{ id: string; email: string; name: string }> {
  // Input that does not parse reveals nothing and costs nothing, so it is not counted.
  const { name, email, password } = parseInput(signUpSchema, input);
  const wait = await consume(ipKey(ip), SIGN_IN_LIMITS.perIp);
  if (wait > 0) {
    throw new RateLimitedError(`Too many attempts from your network. Try again in ${waitPhrase(wait)}.`, wait);
  }
  const taken = () =>
    new AppError("CONFLICT", "An account with this email already exists.", {
      email: ["An account with this email already exists. Sign in instead?"],
    });
  const passwordHash = await hashPassword(password);
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) throw taken();
  try {
    const user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true, email: true, name: true } });
      await tx.auditEvent.create({
        data: { actorId: created.id, action: "user.signed_up", targetType: "user", targetId: created.id },
      });
      return created;
    });
    await Promise.all([refund(ipKey(ip)), rememberAddress(user.id, ip)]);
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
