import { randomInt } from "node:crypto";

/** A documentation-range address of its own for each test, so limits never leak between tests. */
export function randomIp(): string {
  return `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/**
 * Limit windows restart on the clock (every quarter hour for sign-in): a test that fills one must
 * not straddle a restart, or its last attempt lands in a fresh window. Waits for the next window
 * when less than a minute of the current one is left.
 */
export async function inOneLimitWindow(windowMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < 60_000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}
