import type { EventData } from "@/lib/timeline/event-data";
import type { IncidentFacts } from "@/lib/incidents/live";

/** The payload of a `changes` message: changed events (deleted ones flagged) and the incident's facts. */
export type ChangesPayload = { events: EventData[]; facts: IncidentFacts | null };

export type StreamStatus = "live" | "reconnecting";

/**
 * Server-sent event frames of the incident stream. `id` carries the cursor (ms of the latest
 * change), so a browser that reconnects sends it back as Last-Event-ID and catches up from there.
 */
export function changesMessage({ events, facts, cursor }: ChangesPayload & { cursor: number }): string {
  const payload: ChangesPayload = { events, facts };
  return `id: ${cursor}\nevent: changes\ndata: ${JSON.stringify(payload)}\n\n`;
}

export const statusMessage = (status: StreamStatus) => `event: status\ndata: ${JSON.stringify(status)}\n\n`;
export const READY_MESSAGE = "retry: 2000\nevent: ready\ndata: {}\n\n";
export const RELOAD_MESSAGE = "event: reload\ndata: {}\n\n";
export const REVOKED_MESSAGE = "event: revoked\ndata: {}\n\n";
export const KEEP_ALIVE = ": keep-alive\n\n";
