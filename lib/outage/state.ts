/**
 * Whether this process currently finds PostgreSQL unreachable, as its watching connection
 * (`lib/outage/database-watch.ts`) last saw. On globalThis: the web server's front door and the
 * Next.js bundles in the same process read one value.
 */
const store = globalThis as unknown as { hindsightDatabaseDown?: { since: number | null } };
const state = (store.hindsightDatabaseDown ??= { since: null });

export function markDatabaseDown(now = Date.now()): void {
  state.since ??= now;
}

export function markDatabaseUp(): void {
  state.since = null;
}

export function databaseDown(): boolean {
  return state.since !== null;
}
