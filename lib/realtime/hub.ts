import { env } from "@/lib/env";
import { INCIDENT_CHANNEL } from "@/lib/realtime/notify";
import { ListenConnection } from "@/lib/realtime/listen-connection";
import { loadIncidentChanges, viewersWhoMayRead, type IncidentChanges } from "@/lib/incidents/live";
import { changesMessage, RELOAD_MESSAGE, REVOKED_MESSAGE, statusMessage } from "@/lib/realtime/messages";

/**
 * `updatedAt` is stamped by the app before its transaction commits, so two writers can commit in
 * the other order: every fetch looks this far behind its cursor, and what was already delivered
 * is skipped by id and `updatedAt`.
 */
export const OVERLAP_MS = 5_000;

const FIRST_LISTEN_WAIT_MS = 2_000;

/** One open stream: the viewer's user id (for the permission check) and its way out. */
export type Viewer = {
  userId: string;
  send: (message: string) => void;
  close: () => void;
};

type Feed = {
  teamId: string;
  viewers: Set<Viewer>;
  cursor: number;
  /** `id@updatedAt` of what went out within the overlap, so a re-fetch does not repeat it. */
  delivered: Map<string, number>;
  factsVersion: number | null;
  running: boolean;
  again: boolean;
};

/**
 * One LISTEN connection per server process, fanned out to every viewer of an incident as data.
 * A change costs one fetch of what changed and one batched permission check for all of that
 * incident's viewers on this process, then the same message string is written to each of them.
 * While the connection is down viewers are told "reconnecting"; when it is back every incident
 * is fetched from its cursor, so nothing committed meanwhile is missed.
 */
export class IncidentHub {
  private feeds = new Map<string, Feed>();
  private connection: ListenConnection;
  private up = false;

  constructor(connectionString: string) {
    this.connection = new ListenConnection(connectionString, INCIDENT_CHANNEL, {
      notification: (incidentId) => this.changed(incidentId),
      down: () => {
        this.up = false;
        this.broadcast(statusMessage("reconnecting"));
      },
      up: () => {
        const wasDown = !this.up;
        this.up = true;
        if (!wasDown) return;
        this.broadcast(statusMessage("live"));
        for (const incidentId of this.feeds.keys()) this.changed(incidentId);
      },
    });
  }

  get listening(): boolean {
    return this.connection.listening;
  }

  /** Starts delivering the incident's changes to `viewer`; call the result when the stream closes. */
  async subscribe(teamId: string, incidentId: string, viewer: Viewer): Promise<() => void> {
    // Normally listening within milliseconds; if the database is down, the viewer is told
    // "reconnecting" and caught up once the connection is back, rather than left waiting.
    await Promise.race([this.connection.start(), new Promise((resolve) => setTimeout(resolve, FIRST_LISTEN_WAIT_MS))]);
    let feed = this.feeds.get(incidentId);
    if (!feed) {
      feed = { teamId, viewers: new Set(), cursor: Date.now(), delivered: new Map(), factsVersion: null, running: false, again: false };
      this.feeds.set(incidentId, feed);
    }
    feed.viewers.add(viewer);
    const joined = feed;
    return () => {
      joined.viewers.delete(viewer);
      if (joined.viewers.size === 0 && this.feeds.get(incidentId) === joined) this.feeds.delete(incidentId);
    };
  }

  /** Ends every stream, saying so first: browsers reconnect (to another instance) and catch up from their cursor. */
  closeAll(): void {
    this.broadcast(statusMessage("reconnecting"));
    for (const feed of this.feeds.values()) for (const viewer of [...feed.viewers]) viewer.close();
  }

  async stop(): Promise<void> {
    this.feeds.clear();
    await this.connection.stop();
  }

  private broadcast(message: string): void {
    for (const feed of this.feeds.values()) for (const viewer of feed.viewers) viewer.send(message);
  }

  /** Bursts coalesce: while one fetch runs, further notifications make exactly one more. */
  private changed(incidentId: string): void {
    const feed = this.feeds.get(incidentId);
    if (!feed) return;
    if (feed.running) {
      feed.again = true;
      return;
    }
    feed.running = true;
    void this.deliver(incidentId, feed)
      .catch((error: unknown) => console.error("realtime: could not deliver a change", error))
      .finally(() => {
        feed.running = false;
        if (feed.again) {
          feed.again = false;
          this.changed(incidentId);
        }
      });
  }

  private async deliver(incidentId: string, feed: Feed): Promise<void> {
    const viewers = [...feed.viewers];
    const [changes, allowed] = await Promise.all([
      loadIncidentChanges(feed.teamId, incidentId, feed.cursor - OVERLAP_MS),
      viewersWhoMayRead(feed.teamId, [...new Set(viewers.map((v) => v.userId))]),
    ]);
    const fresh = this.unseen(feed, changes);
    const factsChanged = changes.facts !== null && changes.facts.version !== feed.factsVersion;
    feed.factsVersion = changes.facts?.version ?? feed.factsVersion;
    if (!changes.tooMany && fresh.events.length === 0 && !factsChanged) return;
    const message = changes.tooMany ? RELOAD_MESSAGE : changesMessage({ ...fresh, facts: changes.facts });
    for (const viewer of viewers) {
      if (allowed.has(viewer.userId)) viewer.send(message);
      else {
        viewer.send(REVOKED_MESSAGE);
        viewer.close();
      }
    }
  }

  private unseen(feed: Feed, changes: IncidentChanges): IncidentChanges {
    const events = changes.events.filter((e) => {
      const key = `${e.id}@${e.updatedAt}`;
      if (feed.delivered.has(key)) return false;
      feed.delivered.set(key, Date.parse(e.updatedAt));
      return true;
    });
    feed.cursor = Math.max(feed.cursor, changes.cursor);
    for (const [key, at] of feed.delivered) if (at < feed.cursor - OVERLAP_MS) feed.delivered.delete(key);
    return { ...changes, events };
  }
}

const globalForHub = globalThis as unknown as { hindsightIncidentHub?: IncidentHub };

export function incidentHub(): IncidentHub {
  globalForHub.hindsightIncidentHub ??= new IncidentHub(env().DATABASE_URL);
  return globalForHub.hindsightIncidentHub;
}
