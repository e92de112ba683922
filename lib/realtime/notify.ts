import type { Tx } from "@/lib/db";

export const INCIDENT_CHANNEL = "hindsight_incident";

/**
 * Tells every server process that an incident changed. Postgres delivers NOTIFY only when the
 * transaction commits, so listeners never see a change that was rolled back.
 */
export async function notifyIncidentChanged(tx: Tx, incidentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${INCIDENT_CHANNEL}, ${incidentId})`;
}

export const ACCESS_CHANNEL = "hindsight_access";

/**
 * Tells the collaboration server that a user's access changed (role changed, removed, left,
 * disabled) so it closes their open documents; they reconnect with whatever access they now have.
 * `teamId` null means every team (a disabled account).
 */
export async function notifyAccessChanged(tx: Pick<Tx, "$executeRaw">, teamId: string | null, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify({ teamId, userId })})`;
}
