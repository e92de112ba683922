"use client";

import { useEffect, useState } from "react";
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { CLOSE_ACCESS_CHANGED, CLOSE_TOO_LARGE } from "@/lib/collab/close-codes";
import { keepLocalCopy } from "@/components/postmortems/editor/local-copies";
import { trackStoredState } from "@/lib/collab/stored-status";

export type CollabSession = { doc: Y.Doc; provider: HocuspocusProvider };
export type Connection = "connecting" | "connected" | "offline";
export type SessionState = {
  session: CollabSession | null;
  connection: Connection;
  /** The first full sync with the server has happened (the editor shows the real document). */
  loaded: boolean;
  /** Local changes the server has not confirmed yet. */
  unsynced: number;
  /** The server says everything in this copy is stored in PostgreSQL (receiving a change is not storing it). */
  stored: boolean;
  /** The server could not store the last changes and is retrying. */
  storeFailing: boolean;
  /** Something the user must know and that stops editing (too large, access lost). */
  stopped: string | null;
  notice: string | null;
};

function socketUrl(path: string): string {
  if (/^wss?:\/\//.test(path)) return path;
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;
}

class TokenRefused extends Error {}

/**
 * One Yjs document shared through the collaboration server. Every (re)connection fetches a fresh
 * token from the app, so a removed member cannot reconnect; edits made offline stay in the local
 * document — and in this browser's copy of it, should the tab be closed — and are merged by Yjs
 * when the connection returns.
 */
export function useCollabSession(documentName: string, tokenUrl: string, collabPath: string, userId: string): SessionState {
  const [state, setState] = useState<SessionState>({
    session: null,
    connection: "connecting",
    loaded: false,
    unsynced: 0,
    stored: false,
    storeFailing: false,
    stopped: null,
    notice: null,
  });

  useEffect(() => {
    const update = (patch: Partial<SessionState>) => setState((s) => ({ ...s, ...patch }));
    const doc = new Y.Doc();
    const localCopy = keepLocalCopy(userId, documentName, doc);
    const storedState = trackStoredState(doc, ({ stored, failing }) => update({ stored, storeFailing: failing }));
    const socket = new HocuspocusProviderWebsocket({ url: socketUrl(collabPath), delay: 500, minDelay: 250, maxDelay: 8000, factor: 2 });
    const stop = (message: string) => {
      update({ stopped: message });
      socket.shouldConnect = false;
      socket.disconnect();
    };
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      token: async () => {
        const response = await fetch(tokenUrl, { cache: "no-store" });
        if ([401, 403, 404].includes(response.status)) throw new TokenRefused();
        if (!response.ok) throw new Error(`Token request failed: ${response.status}`);
        const body: { token: string } = await response.json();
        return body.token;
      },
      onStatus: ({ status }) => update({ connection: status === "connected" ? "connected" : status === "connecting" ? "connecting" : "offline" }),
      onSynced: ({ state: synced }) => {
        if (synced) update({ loaded: true, notice: null });
      },
      onUnsyncedChanges: ({ number }) => update({ unsynced: number }),
      onStateless: ({ payload }) => void storedState.receive(payload),
      onAuthenticationFailed: () => stop("You no longer have access to this postmortem. Reload the page to see what you can open."),
      onClose: ({ event }) => {
        if (event.code === CLOSE_TOO_LARGE.code) {
          // The refused change must not come back from the local copy after a reload.
          void localCopy.clearData().catch(() => undefined);
          stop("That change was too large to save (at most 512 KB per change and 4 MB per document), so it was not sent. Reload the page to continue from the saved document.");
        } else if (event.code === CLOSE_ACCESS_CHANGED.code) {
          update({ notice: "Your access to this team changed; reconnecting with your current role…" });
        }
      },
    });
    provider.attach();
    update({ session: { doc, provider } });
    // The browser knows about a lost network before the socket times out.
    const offline = () => update({ connection: "offline" });
    const online = () => {
      if (socket.status === "connected") update({ connection: "connected" });
      else void socket.connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      storedState.destroy();
      provider.destroy();
      socket.destroy();
      void localCopy.destroy().catch(() => undefined);
      doc.destroy();
      update({ session: null });
    };
  }, [documentName, tokenUrl, collabPath, userId]);

  return state;
}
