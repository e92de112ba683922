/**
 * Node flags for the production web server (scripts/start.ts; bench/lists.ts starts it the same way).
 * V8 sizes its heap from the machine's memory (4 GB here) and collects lazily below that, so after a
 * burst of traffic the server held 0.8–1 GB it no longer used. A 384 MB old space keeps it near
 * 500 MB resident; the list pages' working set is far below that.
 */
export const WEB_NODE_FLAGS = ["--max-old-space-size=384"];
