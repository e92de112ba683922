import * as Y from "yjs";
import { z } from "zod";

/**
 * Stateless messages the collaboration server sends about storing: "stored" carries a Yjs
 * snapshot (state vector and deletions) of what PostgreSQL now holds; "not-stored" says the
 * last store failed and is being retried.
 */
const messageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stored"), snapshot: z.string() }),
  z.object({ type: z.literal("not-stored"), retryInMs: z.number() }),
]);
export type StoreMessage = z.infer<typeof messageSchema>;

export function storedMessage(snapshot: Uint8Array): string {
  let binary = "";
  for (const byte of snapshot) binary += String.fromCharCode(byte);
  return JSON.stringify({ type: "stored", snapshot: btoa(binary) } satisfies StoreMessage);
}

export function notStoredMessage(retryInMs: number): string {
  return JSON.stringify({ type: "not-stored", retryInMs } satisfies StoreMessage);
}

function parse(payload: string): StoreMessage | null {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export type StoredState = {
  /** Everything in this browser's copy of the document is stored in PostgreSQL. */
  stored: boolean;
  /** The server's last attempt to store failed; it is retrying. */
  failing: boolean;
};

/**
 * Follows the server's store messages for one document. Any change to the local copy makes it
 * "not stored" at once; whether it matches what was stored is checked a moment later (comparing
 * snapshots walks the whole document, so not on every keystroke).
 */
export function trackStoredState(doc: Y.Doc, onChange: (state: StoredState) => void, recheckMs = 250) {
  let state: StoredState = { stored: false, failing: false };
  let lastStored: Y.Snapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const set = (patch: Partial<StoredState>) => {
    const next = { ...state, ...patch };
    if (next.stored === state.stored && next.failing === state.failing) return;
    state = next;
    onChange(state);
  };
  const recheck = () => {
    timer = null;
    if (lastStored) set({ stored: Y.equalSnapshots(Y.snapshot(doc), lastStored) });
  };
  const onUpdate = () => {
    set({ stored: false });
    if (timer) clearTimeout(timer);
    timer = setTimeout(recheck, recheckMs);
  };
  doc.on("update", onUpdate);
  return {
    /** Hand every stateless payload to this; returns whether it was a store message. */
    receive(payload: string): boolean {
      const message = parse(payload);
      if (!message) return false;
      if (message.type === "not-stored") set({ failing: true });
      else {
        lastStored = Y.decodeSnapshot(decodeBase64(message.snapshot));
        set({ failing: false });
        recheck();
      }
      return true;
    },
    current: () => state,
    destroy() {
      if (timer) clearTimeout(timer);
      doc.off("update", onUpdate);
    },
  };
}
