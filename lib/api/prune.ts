import { db } from "@/lib/db";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/api/idempotency";
import { API_LIMIT } from "@/lib/api/rate-limit";

const HOUR_MS = 60 * 60 * 1000;

/** Keys past their lifetime answer nobody, and past windows count nothing: both go, hourly. */
export async function pruneApiState(now: Date): Promise<{ keys: number; windows: number }> {
  const keys = await db().apiIdempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * HOUR_MS) } } });
  const windows = await db().rateLimitBucket.deleteMany({ where: { key: { startsWith: "api:" }, windowStart: { lt: new Date(now.getTime() - API_LIMIT.windowMs) } } });
  return { keys: keys.count, windows: windows.count };
}
