import type { IncomingMessage, ServerResponse } from "node:http";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { Server, type Document } from "@hocuspocus/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_DOCUMENT_BYTES, MAX_UPDATE_BYTES } from "@/lib/postmortems/limits";
import { loadDocumentState, storeDocumentState } from "@/lib/postmortems/store";
import { restoreIntoLiveDocument } from "@/lib/postmortems/restore";
import { authorizeConnection, CollabAccessDenied, type CollabContext } from "@/lib/collab/access";
import { documentNameFor, postmortemIdFrom } from "@/lib/collab/document-name";
import { listenForAccessChanges, type AccessChange } from "@/lib/collab/access-listener";
import { verifySignedBody } from "@/lib/collab/internal-request";
import { CLOSE_TOO_LARGE, CLOSE_ACCESS_CHANGED, CLOSE_TRY_LATER } from "@/lib/collab/close-codes";
import { isDatabaseUnreachable } from "@/lib/outage/unreachable";
import { retryWithBackoff } from "@/lib/collab/retry";
import { notStoredMessage, storedMessage } from "@/lib/collab/stored-status";
import { guardPresence } from "@/lib/collab/presence-guard";
import { sharedDocumentsExtension } from "@/lib/collab/redis";
import { countStoreFailure } from "@/lib/observability/metrics";

export type CollabServerOptions = {
  port: number;
  /** The interface to listen on: 127.0.0.1 unless told otherwise. */
  host?: string;
  databaseUrl: string;
  secret: string;
  /** Persist this long after the last change, and at least this often while changes keep coming. */
  debounceMs?: number;
  maxDebounceMs?: number;
  log?: (line: string) => void;
  /** Backoff between attempts to store a document PostgreSQL refused or could not be reached for. */
  storeRetry?: { firstDelayMs: number; maxDelayMs: number };
  /** With Redis, several collaboration servers share live documents (see `lib/collab/redis.ts`). */
  redisUrl?: string;
};

const restoreSchema = z.object({ postmortemId: z.string(), snapshotId: z.string(), userId: z.string() });

function contextOf(value: unknown): CollabContext | null {
  return typeof value === "object" && value !== null && "userId" in value && "teamId" in value && "name" in value ? (value as CollabContext) : null;
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError("VALIDATION", "Request too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

/**
 * The Hocuspocus server postmortems are co-edited through. It trusts nobody: every socket shows a
 * token the app signed and is checked against the database; viewers' sockets are read-only here,
 * not only in the browser. Documents are loaded from and stored to PostgreSQL.
 */
export function createCollabServer(options: CollabServerOptions) {
  const log = options.log ?? (() => undefined);
  /** Who changed each document since it was last stored (the last one is recorded as its last editor). */
  const editors = new Map<string, string[]>();
  const sizes = new Map<string, number>();
  /** What PostgreSQL holds of each open document, as a Yjs snapshot editors compare their copy with. */
  const storedSnapshots = new Map<string, Uint8Array>();
  const snapshotOf = (document: Document) => Y.encodeSnapshot(Y.snapshot(document));
  /** Each upgrade request's socket, so authentication can close it (Hocuspocus only hands hooks the request). */
  const sockets = new WeakMap<IncomingMessage, WebSocket>();

  /**
   * Stores until PostgreSQL takes it, however long that is: Hocuspocus keeps a document in memory
   * while its store hook runs, and an error escaping the hook would end the process. Each attempt
   * stores the document as it is then, so the one that succeeds holds every change made meanwhile.
   */
  async function storeUntilStored(document: Document, postmortemId: string): Promise<void> {
    const name = document.name;
    await retryWithBackoff(
      async () => {
        const changedBy = editors.get(name) ?? [];
        const result = await storeDocumentState(postmortemId, Y.encodeStateAsUpdate(document), changedBy);
        // onChange replaces the list, so the same list means nobody edited while this was stored.
        if (editors.get(name) === changedBy) editors.delete(name);
        if (!result) return;
        // What another server stored and Redis has not brought here yet joins this copy now (without
        // an origin, so Hocuspocus does not schedule storing what was just read from PostgreSQL).
        Y.applyUpdate(document, result.stored);
        sizes.set(name, result.stored.byteLength);
        storedSnapshots.set(name, result.storedSnapshot);
        document.broadcastStateless(storedMessage(result.storedSnapshot));
      },
      {
        ...options.storeRetry,
        onFailure(error, attempt, delayMs) {
          countStoreFailure();
          log(`storing ${name} failed (attempt ${attempt}); retrying in ${delayMs} ms: ${error instanceof Error ? error.message : String(error)}`);
          document.broadcastStateless(notStoredMessage(delayMs));
        },
      },
    );
  }

  const server = new Server({
    name: "hindsight-collab",
    extensions: options.redisUrl ? [sharedDocumentsExtension(options.redisUrl, log)] : [],
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 2000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    timeout: 30_000,

    async onAuthenticate({ token, documentName, connectionConfig, request }) {
      try {
        const context = await authorizeConnection(token, documentName, options.secret);
        connectionConfig.readOnly = !context.canEdit;
        return context;
      } catch (error) {
        if (!(error instanceof CollabAccessDenied)) log(`authentication failed: ${String(error)}`);
        // Not a refusal: closed before "permission denied" goes out, so the editor reconnects by
        // itself once the database is back instead of being told it has no access.
        if (isDatabaseUnreachable(error)) sockets.get(request)?.close(CLOSE_TRY_LATER.code, CLOSE_TRY_LATER.reason);
        throw error;
      }
    },

    async onLoadDocument({ document, documentName }) {
      const postmortemId = postmortemIdFrom(documentName);
      const stored = postmortemId ? await loadDocumentState(postmortemId) : null;
      if (!stored) throw new Error(`No postmortem for ${documentName}`);
      Y.applyUpdate(document, stored.ydoc);
      sizes.set(documentName, stored.ydoc.byteLength);
      storedSnapshots.set(documentName, snapshotOf(document));
      guardPresence(document, (socket) => {
        const who = contextOf(document.getConnections().find((connection) => connection.webSocket === socket)?.context);
        return who ? { userId: who.userId, name: who.name } : null;
      });
      return document;
    },

    async connected({ connection, documentName, instance }) {
      const snapshot = storedSnapshots.get(documentName);
      if (snapshot) connection.sendStateless(storedMessage(snapshot));
      // Another server may have stored changes this one only received through Redis, so what it
      // last stored itself can be behind: a store adds nothing then, but says what PostgreSQL holds.
      const document = instance.documents.get(documentName);
      const postmortemId = postmortemIdFrom(documentName);
      if (options.redisUrl && document && postmortemId) void storeUntilStored(document, postmortemId);
    },

    async beforeHandleMessage({ update, documentName, connection }) {
      const tooLarge = update.byteLength > MAX_UPDATE_BYTES || (sizes.get(documentName) ?? 0) + update.byteLength > MAX_DOCUMENT_BYTES;
      if (!tooLarge) return;
      // Closing the socket itself (not only this document's channel) gives the browser a code to explain.
      connection.webSocket.close(CLOSE_TOO_LARGE.code, CLOSE_TOO_LARGE.reason);
      throw CLOSE_TOO_LARGE;
    },

    async onChange({ documentName, context, update }) {
      const who = contextOf(context);
      if (who) {
        const list = editors.get(documentName) ?? [];
        editors.set(documentName, [...list.filter((id) => id !== who.userId), who.userId]);
      }
      // An over-estimate until the next store measures the merged state exactly.
      sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.byteLength);
    },

    async onStoreDocument({ document, documentName }) {
      const postmortemId = postmortemIdFrom(documentName);
      if (postmortemId) await storeUntilStored(document, postmortemId);
    },

    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
      storedSnapshots.delete(documentName);
    },

    async onRequest({ request, response, instance }) {
      const url = new URL(request.url ?? "/", "http://collab");
      if (request.method === "GET" && url.pathname === "/healthz") {
        reply(response, 200, { ok: true, documents: instance.getDocumentsCount() });
        throw null;
      }
      if (request.method === "POST" && url.pathname === "/internal/restore") {
        try {
          const body = await readBody(request, 64 * 1024);
          const parsed = restoreSchema.safeParse(verifySignedBody(body, String(request.headers["x-hindsight-signature"] ?? ""), options.secret));
          if (!parsed.success) {
            reply(response, 403, { error: { code: "FORBIDDEN", message: "Bad signature." } });
            throw null;
          }
          const { postmortemId, snapshotId, userId } = parsed.data;
          const connection = await instance.openDirectConnection(documentNameFor(postmortemId), { userId, system: true });
          try {
            await restoreIntoLiveDocument(connection, postmortemId, snapshotId, userId);
          } finally {
            await connection.disconnect();
          }
          reply(response, 200, { ok: true });
        } catch (error) {
          if (error === null) throw null;
          const status = error instanceof AppError && error.code === "NOT_FOUND" ? 404 : 500;
          if (status === 500) log(`restore failed: ${String(error)}`);
          reply(response, status, { error: { code: status === 404 ? "NOT_FOUND" : "INTERNAL", message: error instanceof Error ? error.message : "Restore failed." } });
        }
        throw null;
      }
    },
  }, { maxPayload: 8 * 1024 * 1024 });

  server.webSocketServer.on("connection", (socket: WebSocket, request: IncomingMessage) => sockets.set(request, socket));

  function closeConnectionsFor(change: AccessChange | null): void {
    for (const document of server.hocuspocus.documents.values() as Iterable<Document>) {
      for (const connection of document.getConnections()) {
        const who = contextOf(connection.context);
        const affected = !change || (who && who.userId === change.userId && (change.teamId === null || who.teamId === change.teamId));
        if (!affected) continue;
        // The client reconnects and is authorised afresh: a removed member is refused, a demoted one becomes read-only.
        connection.close(CLOSE_ACCESS_CHANGED);
        connection.webSocket.close(CLOSE_ACCESS_CHANGED.code, CLOSE_ACCESS_CHANGED.reason);
      }
    }
  }

  let accessListener: { stop(): Promise<void> } | null = null;

  return {
    server,
    async listen(): Promise<number> {
      accessListener = listenForAccessChanges(options.databaseUrl, closeConnectionsFor);
      // Hocuspocus 3.4.4's listen() hands its `address` option to Node under a key Node ignores, so
      // it listens on every interface; listening here names the host the way Node expects.
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once("error", reject);
        server.httpServer.listen({ port: options.port, host: options.host ?? "127.0.0.1" }, () => {
          server.httpServer.off("error", reject);
          resolve();
        });
      });
      return server.address.port;
    },
    /** Stores every open document, closes every socket and stops listening. */
    async destroy(): Promise<void> {
      await accessListener?.stop();
      await server.destroy();
    },
  };
}

export type CollabServer = ReturnType<typeof createCollabServer>;
