import type { Tx } from "@/lib/db";

export const INCIDENT_CHANNEL = "hindsight_incident";

/**
 * Tells every server process that an incident changed. Postgres delivers NOTIFY only when the
 * transaction commits, so listeners never see a change that was rolled back.
 */
export async function notifyIncidentChanged(tx: Tx, incidentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${INCIDENT_CHANNEL}, ${incidentId})`;
}
