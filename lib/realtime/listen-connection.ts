import { Client } from "pg";

export const LISTEN_APPLICATION_NAME = "hindsight-listen";

type Handlers = { notification: (payload: string) => void; up: () => void; down: () => void };

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * One LISTEN connection that never gives up: when PostgreSQL restarts or the connection is
 * killed, it says so (`down`), retries with exponential backoff (250 ms doubling to 10 s) for as
 * long as it takes, and says `up` once listening again, so callers can catch up on what they
 * missed. `pg` has no reconnecting client, and a pool would not keep LISTEN state, hence this.
 */
export class ListenConnection {
  private client: Client | null = null;
  private started = false;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ready: Promise<void> | null = null;
  private resolveReady: (() => void) | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly handlers: Handlers,
    private readonly maxRetryMs = MAX_RETRY_MS,
  ) {}

  /** Resolves once listening for the first time (later outages do not reject anything). */
  start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.ready = new Promise((resolve) => (this.resolveReady = resolve));
      void this.attempt();
    }
    return this.ready!;
  }

  get listening(): boolean {
    return this.client !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.connectionString, application_name: LISTEN_APPLICATION_NAME });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      void client.end().catch(() => undefined);
      const wasUp = this.client === client;
      if (wasUp) this.client = null;
      if (this.stopped) return;
      if (wasUp) this.handlers.down();
      this.retryLater();
    };
    client.on("error", onLost);
    client.on("end", onLost);
    client.on("notification", (message) => {
      if (message.payload) this.handlers.notification(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch {
      onLost();
      return;
    }
    if (lost) return;
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.resolveReady?.();
    this.resolveReady = null;
    this.handlers.up();
  }

  private retryLater(): void {
    if (this.timer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.maxRetryMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, delay);
  }
}
