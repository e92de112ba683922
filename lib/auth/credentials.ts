import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/auth/schema";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS, clearFailures, pruneBuckets, recordFailure, retryAfter } from "@/lib/auth/rate-limit";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type VerifiedUser = { id: string; email: string; name: string };

function tooMany(ms: number): AppError {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return new AppError(
    "RATE_LIMITED",
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/**
 * Checks an email and password. Failures are counted per account and per IP; the message
 * never says whether the email exists.
 */
export async function verifyCredentials(input: unknown, ip: string): Promise<VerifiedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  const { email, password } = parsed.data;
  const accountKey = `email:${email}`;
  const ipKey = `ip:${ip}`;

  const wait = Math.max(
    await retryAfter(accountKey, SIGN_IN_LIMITS.perAccount),
    await retryAfter(ipKey, SIGN_IN_LIMITS.perIp),
  );
  if (wait > 0) throw tooMany(wait);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstDummy(password);

  if (!user || !ok || user.disabledAt) {
    await recordFailure(accountKey, SIGN_IN_LIMITS.perAccount);
    await recordFailure(ipKey, SIGN_IN_LIMITS.perIp);
    // Expired windows are useless; an occasional sweep keeps the table small without a job.
    if (Math.random() < 0.02) await pruneBuckets(new Date(Date.now() - 24 * 60 * 60 * 1000));
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await clearFailures(accountKey);
  return { id: user.id, email: user.email, name: user.name };
}
