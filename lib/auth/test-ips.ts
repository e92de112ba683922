import { randomInt } from "node:crypto";

/** A documentation-range address of its own for each test, so limits never leak between tests. */
export function randomIp(): string {
  return `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}
