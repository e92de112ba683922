import type { Tx } from "@/lib/db";

export const PUBLIC_PAGES_CHANNEL = "hindsight_public_pages";

/**
 * Tells every web process to drop its cached public pages (`lib/outage/database-watch.ts`
 * listens), delivered when the transaction commits: a publish or take-down on one instance
 * shows on the others at once rather than after their few seconds of trusting the cache.
 */
export async function notifyPublicPagesChanged(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${PUBLIC_PAGES_CHANNEL}, 'changed')`;
}
