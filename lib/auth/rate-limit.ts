import { db } from "@/lib/db";

export type Limit = { max: number; windowMs: number };

export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

function windowStart(now: Date, limit: Limit): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

/** Milliseconds until the key may try again, or 0 when it is under its limit. */
export async function retryAfter(key: string, limit: Limit, now = new Date()): Promise<number> {
  const start = windowStart(now, limit);
  const bucket = await db().rateLimitBucket.findUnique({ where: { key_windowStart: { key, windowStart: start } } });
  if (!bucket || bucket.count < limit.max) return 0;
  return start.getTime() + limit.windowMs - now.getTime();
}

/** Counts one failure atomically (an upsert), so parallel attempts cannot slip past the limit. */
export async function recordFailure(key: string, limit: Limit, now = new Date()): Promise<void> {
  const start = windowStart(now, limit);
  await db().$executeRaw`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1`;
}

export async function clearFailures(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}

/** Drops windows that ended before `olderThan`. */
export async function pruneBuckets(olderThan: Date): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
}
