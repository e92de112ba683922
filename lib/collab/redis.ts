import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import IORedis from "ioredis";

/**
 * Hocuspocus's Redis extension, so editors of one document connected to different collaboration
 * servers see each other's changes and carets. Its store lock is switched off: when another
 * server holds the lock it silently skips this server's store, and the changes only this server
 * has received would then wait for the next keystroke to be stored. PostgreSQL's row lock and the
 * merging store (`storeDocumentState`) keep concurrent stores from clobbering each other instead.
 */
class SharedDocuments extends RedisExtension {
  override async onStoreDocument(): Promise<void> {}
}

export function sharedDocumentsExtension(redisUrl: string, log: (line: string) => void): RedisExtension {
  const connect = () => {
    // Commands wait for Redis to come back rather than fail: a lost update would split the servers' copies.
    const client = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    client.on("error", (error: Error) => log(`redis: ${error.message}`));
    return client;
  };
  return new SharedDocuments({ createClient: connect, prefix: "hindsight:collab" });
}
