/** What a user is told while PostgreSQL cannot be reached (a restart, a failover, a network cut). */
export const DATABASE_UNREACHABLE_MESSAGE = "Hindsight can't reach its database, retrying.";

/** Seconds a client should wait before trying again, sent as Retry-After. */
export const RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);
/** SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, crash, still starting up). */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** Prisma: can't reach, timed out, server closed the connection, pool timed out. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** What `@prisma/adapter-pg` calls a lost or refused connection. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** node-postgres reports a connection that died under it only in words. */
const LOST_CONNECTION = /Connection terminated|connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server/i;

function fieldOf(value: object, key: string): unknown {
  return key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Whether an error means PostgreSQL could not be reached, as opposed to a query it refused: those
 * are worth retrying and deserve a message saying so. Follows `cause` and Prisma's adapter error.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const code = fieldOf(error, "code");
  if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
  const kind = fieldOf(error, "kind");
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const message = fieldOf(error, "message");
  if (typeof message === "string" && LOST_CONNECTION.test(message)) return true;
  const meta = fieldOf(error, "meta");
  const adapterError = typeof meta === "object" && meta !== null ? fieldOf(meta, "driverAdapterError") : undefined;
  return isDatabaseUnreachable(fieldOf(error, "cause"), depth + 1) || isDatabaseUnreachable(adapterError, depth + 1);
}
