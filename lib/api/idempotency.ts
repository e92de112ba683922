import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How long a key is remembered: a client retrying later than this is making a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

export type StoredResponse = { status: number; body: unknown };

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * Claims the key for this request, or returns the response stored for it. The claim is a row
 * inserted before the work starts, so two parallel retries cannot both do the work.
 */
export async function claimIdempotencyKey(tokenId: string, key: string, hash: string): Promise<StoredResponse | null> {
  if (!KEY_PATTERN.test(key)) throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1 to 255 visible ASCII characters.", { "Idempotency-Key": ["Use 1 to 255 visible ASCII characters, e.g. a UUID."] });
  await db().$executeRaw`DELETE FROM "ApiIdempotencyKey" WHERE "tokenId" = ${tokenId} AND "key" = ${key} AND "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)`;
  const claimed = await db().$executeRaw`INSERT INTO "ApiIdempotencyKey" ("tokenId", "key", "requestHash") VALUES (${tokenId}, ${key}, ${hash}) ON CONFLICT DO NOTHING`;
  if (claimed === 1) return null;
  const row = await db().apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } }, select: { requestHash: true, status: true, body: true } });
  if (!row) throw new AppError("CONFLICT", "A request with this Idempotency-Key is being processed. Retry in a moment.");
  if (row.requestHash !== hash) {
    throw new AppError("VALIDATION", "This Idempotency-Key was already used for a different request.", { "Idempotency-Key": ["Use a new key for a different request."] });
  }
  if (row.status === null) throw new AppError("CONFLICT", "A request with this Idempotency-Key is being processed. Retry in a moment.");
  return { status: row.status, body: row.body };
}

/** Keeps the outcome, success or expected failure, to answer retries with. */
export async function settleIdempotencyKey(tokenId: string, key: string, response: StoredResponse): Promise<void> {
  // Through JSON, so what is stored is exactly what was sent (dates as strings).
  const body = JSON.parse(JSON.stringify(response.body ?? {})) as Prisma.InputJsonValue;
  await db().apiIdempotencyKey.updateMany({ where: { tokenId, key }, data: { status: response.status, body } });
}

/** An unexpected failure is not an answer: the client may retry with the same key. */
export async function releaseIdempotencyKey(tokenId: string, key: string): Promise<void> {
  await db().apiIdempotencyKey.deleteMany({ where: { tokenId, key, status: null } });
}
