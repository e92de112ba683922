/**
 * Ends this process's live streams, if it has any (a stopping web server). Reads the hub from
 * globalThis rather than importing it, so the web server's own entry point stays free of the
 * database modules the hub brings.
 */
export function closeLiveStreams(): void {
  (globalThis as unknown as { hindsightIncidentHub?: { closeAll(): void } }).hindsightIncidentHub?.closeAll();
}
