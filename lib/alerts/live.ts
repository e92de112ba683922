import { env } from "@/lib/env";
import { ListenConnection } from "@/lib/realtime/listen-connection";
import { ALERTS_CHANNEL } from "@/lib/alerts/notify";

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
