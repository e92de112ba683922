import WebSocket from "ws";
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { signCollabToken } from "@/lib/collab/token";
import { documentNameFor } from "@/lib/collab/document-name";
import { FRAGMENT } from "@/lib/postmortems/limits";
import { trackStoredState, type StoredState } from "@/lib/collab/stored-status";

export type TestClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  closes: number[];
  authFailures: string[];
  /** Whether the server says this copy of the document is stored in PostgreSQL (as the editor shows it). */
  storedState(): StoredState;
  /** Store messages received, oldest first. */
  storeMessages: string[];
  destroy(): void;
};

/**
 * `ws` emits "error" when a socket is closed while still connecting; the provider closes such
 * sockets on retry after removing its own listeners, which would make that an uncaught exception.
 * A browser only logs it, so the test client ignores it the same way (the provider still sees closes).
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on("error", () => undefined);
  }
}

/** A Node Yjs client of the collaboration server, like the browser editor's (token re-signed on every connect). */
export function connectClient(
  url: string,
  secret: string,
  grant: { userId: string; teamId: string; postmortemId: string; canEdit: boolean },
  options: { token?: () => string } = {},
): TestClient {
  const doc = new Y.Doc();
  const closes: number[] = [];
  const authFailures: string[] = [];
  const storeMessages: string[] = [];
  const tracker = trackStoredState(doc, () => undefined);
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, delay: 100, minDelay: 50, maxDelay: 500, factor: 1.5 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameFor(grant.postmortemId),
    document: doc,
    token: async () => options.token?.() ?? signCollabToken(grant, secret).token,
    onClose: ({ event }) => closes.push(event.code),
    onAuthenticationFailed: ({ reason }) => authFailures.push(reason),
    onStateless: ({ payload }) => {
      if (tracker.receive(payload)) storeMessages.push(payload);
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    closes,
    authFailures,
    storedState: tracker.current,
    storeMessages,
    destroy() {
      tracker.destroy();
      provider.destroy();
      socket.destroy();
    },
  };
}

export function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${what}`));
      setTimeout(tick, 25);
    };
    void tick();
  });
}

/** Inserts text into the first paragraph of the shared document, the way an editor keystroke does. */
export function typeInto(doc: Y.Doc, text: string, at: "start" | "end" = "end"): void {
  const fragment = doc.getXmlFragment(FRAGMENT);
  doc.transact(() => {
    let paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
    if (!paragraph) {
      paragraph = new Y.XmlElement("paragraph");
      fragment.insert(fragment.length, [paragraph]);
    }
    let textNode = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
    if (!textNode) {
      textNode = new Y.XmlText();
      paragraph.insert(0, [textNode]);
    }
    textNode.insert(at === "start" ? 0 : textNode.length, text);
  });
}

/** All the text of the first paragraph (concurrent first keystrokes may create sibling text nodes). */
export function firstParagraphText(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment(FRAGMENT);
  const paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  return (paragraph?.toArray() ?? []).map((node) => (node instanceof Y.XmlText ? node.toString() : "")).join("");
}
