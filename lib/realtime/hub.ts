import { Client } from "pg";
import { env } from "@/lib/env";
import { INCIDENT_CHANNEL } from "@/lib/realtime/notify";

type Listener = () => void;

/**
 * One LISTEN connection per server process, fanned out to every open page watching an incident.
 * If the connection drops it reconnects, and tells every listener to refresh in case it missed a change.
 */
class IncidentHub {
  private listeners = new Map<string, Set<Listener>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;

  async subscribe(incidentId: string, listener: Listener): Promise<() => void> {
    await this.connect();
    let set = this.listeners.get(incidentId);
    if (!set) this.listeners.set(incidentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(incidentId);
    };
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: env().DATABASE_URL });
      client.on("notification", (message) => {
        if (message.payload) this.listeners.get(message.payload)?.forEach((listener) => listener());
      });
      client.on("error", () => this.reset(client));
      client.on("end", () => this.reset(client));
      await client.connect();
      await client.query(`LISTEN ${INCIDENT_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private reset(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.listeners.size === 0) return;
    setTimeout(() => {
      this.connect()
        .then(() => this.listeners.forEach((set) => set.forEach((listener) => listener())))
        .catch((error: unknown) => console.error("realtime: reconnect failed", error));
    }, 1000);
  }
}

const globalForHub = globalThis as unknown as { hindsightIncidentHub?: IncidentHub };

export function incidentHub(): IncidentHub {
  globalForHub.hindsightIncidentHub ??= new IncidentHub();
  return globalForHub.hindsightIncidentHub;
}
