import { hit, RateLimitedError, waitPhrase, type Limit } from "@/lib/auth/rate-limit";

/** Per token, shared by every instance of the app through PostgreSQL (RateLimitBucket). */
export const API_LIMIT: Limit = { max: 600, windowMs: 60_000 };

export const rateLimitKey = (tokenId: string) => `api:${tokenId}`;

/** Counts the request and returns the RateLimit-* headers (IETF draft) to send whatever the outcome. */
export async function countRequest(tokenId: string): Promise<{ headers: Record<string, string>; refusal: RateLimitedError | null }> {
  const { count, resetSeconds } = await hit(rateLimitKey(tokenId), API_LIMIT);
  const reset = Math.max(1, Math.ceil(resetSeconds));
  const headers = {
    "RateLimit-Limit": String(API_LIMIT.max),
    "RateLimit-Remaining": String(Math.max(0, API_LIMIT.max - count)),
    "RateLimit-Reset": String(reset),
  };
  const refusal = count > API_LIMIT.max ? new RateLimitedError(`Too many requests with this token: ${API_LIMIT.max} a minute. Try again in ${waitPhrase(reset)}.`, reset) : null;
  return { headers, refusal };
}
