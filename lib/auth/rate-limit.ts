import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export type Limit = { max: number; windowMs: number };

export const SIGN_IN_LIMITS = {
  /** One address guessing one account: strict, and it only ever blocks that address. */
  perAccountAndIp: { max: 5, windowMs: 15 * 60_000 },
  /** One address guessing many accounts (password spraying), sign-up probes included. */
  perIp: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/** Flows that send mail (reset, verification, address change): an address, and one recipient, can only ask so often. */
export const MAIL_LIMITS = {
  perIp: { max: 10, windowMs: 15 * 60_000 },
  /** Over it, the request is answered as usual but nothing more is sent: the answer never depends on the account. */
  perRecipient: { max: 3, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** The per-address budget shared by sign-in guesses and sign-up probes. */
export const ipKey = (ip: string) => `ip:${ip}`;

/** Per account, from addresses it never signed in from: free attempts, then a doubling delay. */
export const ACCOUNT_DELAY = { freeAttempts: 5, baseSeconds: 1, maxSeconds: 300, forgetAfterSeconds: 24 * 60 * 60 };

/** A refusal that says when to come back: route handlers send it as 429 with Retry-After. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super("RATE_LIMITED", message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export function isRateLimited(error: unknown): error is RateLimitedError {
  return error instanceof RateLimitedError;
}

export function waitPhrase(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export type Hit = { count: number; resetSeconds: number };

/**
 * Counts one attempt in the key's fixed window: the attempts so far in it (this one included) and
 * the seconds until it ends. One upsert, so parallel attempts each get their own count, whichever
 * instance of the app they reach.
 */
export async function hit(key: string, limit: Limit): Promise<Hit> {
  const rows = await db().$queryRaw<CountedAttempt[]>(countAttempt(key, limit));
  const row = rows[0];
  return row ? hitOf(row) : { count: 0, resetSeconds: limit.windowMs / 1000 };
}

export type CountedAttempt = { count: number; ends_at: Date; now: Date };

export const hitOf = (row: CountedAttempt): Hit => ({ count: row.count, resetSeconds: (row.ends_at.getTime() - row.now.getTime()) / 1000 });

/**
 * The statement `hit` runs, for statements that count an attempt and act on the count at once
 * (the alert intake stores a delivery only when it is within its source's limit).
 * Returns "count", ends_at and now.
 */
export function countAttempt(key: string, limit: Limit): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM clock_timestamp()) * 1000 / ${limit.windowMs}::int) * ${limit.windowMs}::int / 1000.0), 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count", "windowStart" + make_interval(secs => ${limit.windowMs / 1000}::int) AS ends_at, clock_timestamp() AS now`;
}

/** Counts one attempt and says how long to wait when it is over the limit (0 when it may go ahead). */
export async function consume(key: string, limit: Limit): Promise<number> {
  const { count, resetSeconds } = await hit(key, limit);
  return count <= limit.max ? 0 : resetSeconds;
}

/** Gives back an attempt that turned out legitimate (a successful sign-in). */
export async function refund(key: string): Promise<void> {
  await db().$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = greatest("count" - 1, 0)
    WHERE "key" = ${key} AND "windowStart" = (SELECT max("windowStart") FROM "RateLimitBucket" WHERE "key" = ${key})`;
}

export async function clearKey(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}

/**
 * Claims the account's next attempt slot, counting the attempt as a failure in advance: the slot
 * moves forward before the password is checked, so parallel guesses queue behind one another.
 * Returns the seconds to wait, or 0 when the attempt may go ahead.
 */
export async function claimAccountAttempt(email: string): Promise<number> {
  const { freeAttempts, baseSeconds, maxSeconds, forgetAfterSeconds } = ACCOUNT_DELAY;
  await db().$executeRaw`INSERT INTO "SignInDelay" ("email") VALUES (${email}) ON CONFLICT ("email") DO NOTHING`;
  // The attempt number is computed from the row itself (no CTE), so a claim that waited for a
  // parallel one sees the count that claim left, and only one wins once the delay has started.
  const claimed = await db().$queryRaw<{ attempts: number }[]>`
    UPDATE "SignInDelay" SET
      "attempts" = CASE WHEN "lastAttemptAt" < clock_timestamp() - make_interval(secs => ${forgetAfterSeconds}::int) THEN 1 ELSE "attempts" + 1 END,
      "lastAttemptAt" = clock_timestamp(),
      "nextAttemptAt" = clock_timestamp() + make_interval(secs =>
        CASE
          WHEN (CASE WHEN "lastAttemptAt" < clock_timestamp() - make_interval(secs => ${forgetAfterSeconds}::int) THEN 1 ELSE "attempts" + 1 END) < ${freeAttempts}::int THEN 0
          ELSE least(${baseSeconds}::int * power(2, (CASE WHEN "lastAttemptAt" < clock_timestamp() - make_interval(secs => ${forgetAfterSeconds}::int) THEN 1 ELSE "attempts" + 1 END) - ${freeAttempts}::int), ${maxSeconds}::int)
        END)
    WHERE "email" = ${email} AND "nextAttemptAt" <= clock_timestamp()
    RETURNING "attempts"`;
  if (claimed.length > 0) return 0;
  const rows = await db().$queryRaw<{ wait: number }[]>`
    SELECT greatest(extract(epoch FROM "nextAttemptAt" - clock_timestamp()), 0)::float8 AS wait FROM "SignInDelay" WHERE "email" = ${email}`;
  return Math.max(rows[0]?.wait ?? 0, 0.001);
}

/** A successful sign-in: the attempt counted in advance was not a guess. */
export async function settleAccountAttempt(email: string): Promise<void> {
  await db().$executeRaw`UPDATE "SignInDelay" SET "attempts" = greatest("attempts" - 1, 0) WHERE "email" = ${email}`;
}

/** Drops windows and delays nobody has touched for a day. */
export async function pruneThrottles(olderThan: Date): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  await db().signInDelay.deleteMany({ where: { lastAttemptAt: { lt: olderThan } } });
}
