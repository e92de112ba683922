import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { trackPool } from "@/lib/observability/metrics";

/**
 * The only place a Prisma client is constructed; scripts call this with their own URL. Query
 * events are always emitted (cheap when nobody listens) so tests can EXPLAIN what the app runs.
 */
export function createPrismaClient(connectionString: string, max = 10, poolName?: string) {
  // Our own pool (closed with the client) so its usage can be reported as metrics.
  const pool = new pg.Pool({ connectionString, max });
  if (poolName) trackPool(poolName, pool);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, log: [{ emit: "event", level: "query" }] });
}

type Client = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { hindsightPrisma?: Client };

/** The app's one Prisma client. Created on first use so builds need no database. */
export function db(): Client {
  globalForPrisma.hindsightPrisma ??= createPrismaClient(env().DATABASE_URL, 10, "app");
  return globalForPrisma.hindsightPrisma;
}

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
