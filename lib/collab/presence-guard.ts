import type { Document } from "@hocuspocus/server";
import type { WebSocket } from "ws";
import { colorFor } from "@/lib/collab/presence-colors";

export type Identity = { userId: string; name: string };

function sameUser(value: unknown, identity: Identity, color: string): boolean {
  return typeof value === "object" && value !== null && "name" in value && "color" in value && value.name === identity.name && value.color === color && Object.keys(value).length === 2;
}

/**
 * Awareness states are whatever a client sends. Before the server relays one (the relay runs on
 * "update", which Yjs emits after "change"), its `user` is replaced by the sender's own name and
 * colour, read from the connection the server authorised: nobody can appear as someone else.
 */
export function guardPresence(document: Document, identityOf: (socket: WebSocket) => Identity | null): void {
  const awareness = document.awareness;
  awareness.on("change", ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin === null || typeof origin !== "object") return;
    const identity = identityOf(origin as WebSocket);
    for (const clientId of [...added, ...updated]) {
      const state = awareness.states.get(clientId);
      if (!state) continue;
      if (!identity) {
        awareness.states.delete(clientId);
        continue;
      }
      const color = colorFor(identity.userId);
      if (!sameUser(state.user, identity, color)) awareness.states.set(clientId, { ...state, user: { name: identity.name, color } });
    }
  });
}
