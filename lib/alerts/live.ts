import { env } from "@/lib/env";
import { ListenConnection } from "@/lib/realtime/listen-connection";
import { ALERTS_CHANNEL } from "@/lib/alerts/notify";
import { db } from "@/lib/db";

/** Alert times are stamped before their transaction commits: look back this far past the render. */
const OVERLAP_MS = 5_000;

/** Whether any of the team's alerts changed after a page showing them was rendered at `since`. */
export async function alertsChangedSince(teamId: string, since: Date): Promise<boolean> {
  const changed = await db().alert.findFirst({ where: { teamId, updatedAt: { gt: new Date(since.getTime() - OVERLAP_MS) } }, select: { id: true } });
  return changed !== null;
}

type Listener = () => void;

/**
 * One LISTEN connection per server process for the alerts channel, fanned out by team. The
 * payload is only the team id: the page re-reads its own (permission-checked) list.
 */
class AlertsHub {
  private listeners = new Map<string, Set<Listener>>();
  private connection = new ListenConnection(env().DATABASE_URL, ALERTS_CHANNEL, {
    notification: (teamId) => this.listeners.get(teamId)?.forEach((listener) => listener()),
    // After an outage the page cannot know what it missed: tell everyone to re-read.
    up: () => this.listeners.forEach((set) => set.forEach((listener) => listener())),
    down: () => undefined,
  });

  /** Resolves once the process listens, so a check made afterwards cannot miss a change. */
  listening(): Promise<void> {
    return this.connection.start();
  }

  subscribe(teamId: string, listener: Listener): () => void {
    void this.connection.start();
    const set = this.listeners.get(teamId) ?? new Set();
    set.add(listener);
    this.listeners.set(teamId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(teamId);
    };
  }
}

const globalForHub = globalThis as unknown as { hindsightAlertsHub?: AlertsHub };

export function alertsHub(): AlertsHub {
  globalForHub.hindsightAlertsHub ??= new AlertsHub();
  return globalForHub.hindsightAlertsHub;
}

/** The `since` a page hands its live stream: now, as the page is rendered. */
export function liveSince(): number {
  return Date.now();
}
