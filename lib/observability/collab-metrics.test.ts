import { afterAll, describe, expect, it } from "vitest";
import { connectClient, typeInto, waitFor, type TestClient } from "@/lib/collab/testing/client";
import { freePort, spawnCollab, type CollabProcess } from "@/lib/collab/testing/collab-process";
import { startOutageProxy } from "@/lib/collab/testing/outage-proxy";
import { postmortemForTest } from "@/lib/collab/testing/postmortem";

const secret = process.env.NEXTAUTH_SECRET ?? "";
const databaseUrl = process.env.DATABASE_URL ?? "";
let editor: TestClient | undefined;
let collab: CollabProcess | undefined;
let metricsPort = 0;

afterAll(async () => {
  editor?.destroy();
  await collab?.stop();
});

async function sample(name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return Number(line?.split(" ").at(-1));
}

describe("the collaboration server's metrics (npm run collab)", () => {
  it("count editors, open documents, and every store PostgreSQL could not take", async () => {
    const target = new URL(databaseUrl);
    const proxy = await startOutageProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const throughProxy = new URL(databaseUrl);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    const port = await freePort();
    metricsPort = await freePort();
    collab = await spawnCollab(port, { DATABASE_URL: throughProxy.toString(), COLLAB_DEBOUNCE_MS: "150", COLLAB_METRICS_PORT: String(metricsPort), LOG_FORMAT: "json" });
    try {
      const { owner, grant } = await postmortemForTest();
      editor = connectClient(`ws://127.0.0.1:${port}`, secret, grant(owner.userId));
      await waitFor(() => editor?.provider.isSynced ?? false, 10_000, "sync");
      expect(await sample("hindsight_collab_connections")).toBe(1);
      expect(await sample("hindsight_collab_open_documents")).toBe(1);
      expect(await sample("hindsight_collab_store_failures_total")).toBe(0);

      await proxy.cut();
      typeInto(editor.doc, "typed while PostgreSQL is away");
      await waitFor(async () => (await sample("hindsight_collab_store_failures_total")) >= 1, 20_000, "a failed store counted");
      await proxy.restore();
      await waitFor(() => editor?.storedState().stored ?? false, 30_000, "stored after the database returned");
      expect(await sample("hindsight_db_pool_connections")).toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
    }
  }, 90_000);
});
