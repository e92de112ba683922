import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/auth/schema";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import {
  RateLimitedError,
  SIGN_IN_LIMITS,
  claimAccountAttempt,
  clearKey,
  consume,
  ipKey,
  pruneThrottles,
  refund,
  settleAccountAttempt,
  waitPhrase,
} from "@/lib/auth/rate-limit";
import { isKnownAddress, rememberAddress } from "@/lib/auth/sign-in-addresses";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type VerifiedUser = { id: string; email: string; name: string };

function tooMany(seconds: number): RateLimitedError {
  return new RateLimitedError(`Too many sign-in attempts. Try again in ${waitPhrase(seconds)}.`, seconds);
}

const accountIpKey = (email: string, ip: string) => `email-ip:${email}|${ip}`;

/**
 * Checks an email and password. Every attempt is counted before the (slow) password check, so
 * parallel guesses cannot outrun the limits: per address and account strictly, per address
 * across accounts, and per account with a growing delay for addresses the owner never signed in
 * from, which is what keeps the owner's own address usable while someone else guesses.
 * The message never says whether the email exists.
 */
export async function verifyCredentials(input: unknown, ip: string): Promise<VerifiedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  const waits = [await consume(ipKey(ip), SIGN_IN_LIMITS.perIp), await consume(accountIpKey(email, ip), SIGN_IN_LIMITS.perAccountAndIp)];
  const known = await isKnownAddress(email, ip);
  if (!known && Math.max(...waits) === 0) waits.push(await claimAccountAttempt(email));
  const wait = Math.max(...waits);
  if (wait > 0) throw tooMany(wait);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);

  if (!user || !ok || user.disabledAt) {
    // Expired windows are useless; an occasional sweep keeps the tables small without a job.
    if (Math.random() < 0.02) await pruneThrottles(new Date(Date.now() - 24 * 60 * 60 * 1000));
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await Promise.all([
    refund(ipKey(ip)),
    clearKey(accountIpKey(email, ip)),
    known ? Promise.resolve() : settleAccountAttempt(email),
    rememberAddress(user.id, ip),
  ]);
  return { id: user.id, email: user.email, name: user.name };
}
