import { ListenConnection } from "@/lib/realtime/listen-connection";
import { clearPublicPages } from "@/lib/publishing/cache";
import { PUBLIC_PAGES_CHANNEL } from "@/lib/publishing/cache-notify";
import { markDatabaseDown, markDatabaseUp } from "@/lib/outage/state";

/** While the database is away, look for it again at least this often. */
const MAX_RETRY_MS = 1_000;

/**
 * The web process's one connection that is always open: it hears other instances' publishes (and
 * clears this process's public pages) and, by losing and regaining itself, tells the front door
 * (`lib/outage/front-door.ts`) when PostgreSQL is unreachable and when it is back. Anything
 * published while it was down may have been missed, so its return clears the pages too.
 */
export function watchDatabase(databaseUrl: string, log: (line: string) => void): { started: Promise<void>; stop(): Promise<void> } {
  const connection = new ListenConnection(
    databaseUrl,
    PUBLIC_PAGES_CHANNEL,
    {
      notification: () => clearPublicPages(),
      down: () => {
        markDatabaseDown();
        log("the database is unreachable; answering 503 until it is back");
      },
      up: () => {
        clearPublicPages();
        markDatabaseUp();
      },
    },
    MAX_RETRY_MS,
  );
  // Until the first connection, nothing says the database is there.
  markDatabaseDown();
  return { started: connection.start(), stop: () => connection.stop() };
}
