import type { Tx } from "@/lib/db";

export const ALERTS_CHANNEL = "hindsight_alerts";

/** Tells every server process that a team's alerts changed; delivered on commit only. */
export async function notifyAlertsChanged(tx: Pick<Tx, "$executeRaw">, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ALERTS_CHANNEL}, ${teamId})`;
}
