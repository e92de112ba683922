import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The only place a Prisma client is constructed; scripts call this with their own URL. Query
 * events are always emitted (cheap when nobody listens) so tests can EXPLAIN what the app runs.
 */
export function createPrismaClient(connectionString: string, max = 10) {
  const adapter = new PrismaPg({ connectionString, max });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, log: [{ emit: "event", level: "query" }] });
}

type Client = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { hindsightPrisma?: Client };

/** The app's one Prisma client. Created on first use so builds need no database. */
export function db(): Client {
  globalForPrisma.hindsightPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.hindsightPrisma;
}

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
