import { Client } from "pg";
import { z } from "zod";
import { ACCESS_CHANNEL } from "@/lib/realtime/notify";

const messageSchema = z.object({ teamId: z.string().nullable(), userId: z.string() });
export type AccessChange = z.infer<typeof messageSchema>;

/**
 * LISTENs for access changes and hands each to `onChange`. Reconnects after a dropped
 * connection; since a change may have been missed meanwhile, it then reports `null` (recheck all).
 */
export function listenForAccessChanges(databaseUrl: string, onChange: (change: AccessChange | null) => void): { stop(): Promise<void> } {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  async function connect(reconnected: boolean): Promise<void> {
    const next = new Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      const parsed = message.payload ? messageSchema.safeParse(JSON.parse(message.payload)) : null;
      if (parsed?.success) onChange(parsed.data);
    });
    next.on("error", () => scheduleReconnect(next));
    next.on("end", () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${ACCESS_CHANNEL}`);
      client = next;
      if (reconnected) onChange(null);
    } catch {
      scheduleReconnect(next);
    }
  }

  function scheduleReconnect(failed: Client): void {
    if (stopped || (client !== null && client !== failed) || retry) return;
    client = null;
    failed.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = null;
      void connect(true);
    }, 1000);
  }

  void connect(false);
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
