import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type Client = ReturnType<typeof createClient>;

const globalForPrisma = globalThis as unknown as { hindsightPrisma?: Client };

/** The one Prisma client. Created on first use so builds need no database. */
export function db(): Client {
  globalForPrisma.hindsightPrisma ??= createClient();
  return globalForPrisma.hindsightPrisma;
}

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
