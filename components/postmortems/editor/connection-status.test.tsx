import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ConnectionStatus } from "@/components/postmortems/editor/connection-status";
import type { SessionState } from "@/components/postmortems/editor/use-collab-session";

const base: SessionState = { session: null, connection: "connected", loaded: true, unsynced: 0, stored: true, storeFailing: false, stopped: null, notice: null };
const text = (patch: Partial<SessionState>) => renderToStaticMarkup(<ConnectionStatus state={{ ...base, ...patch }} />).replace(/<[^>]+>/g, "");

describe("the editor's save status", () => {
  it("says 'All changes saved' only once the server reports the document stored in PostgreSQL", () => {
    expect(text({ unsynced: 2, stored: false })).toBe("Saving…");
    expect(text({ stored: false })).toBe("Sent, not yet stored");
    expect(text({ stored: false, storeFailing: true })).toBe("Sent, not yet stored — the server is retrying; keep this tab open");
    expect(text({})).toBe("All changes saved");
  });
});
