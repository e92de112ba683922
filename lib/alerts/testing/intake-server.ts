import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { receiveAlertsAhead } from "@/lib/alerts/front-door";

/**
 * The intake on a loopback HTTP server, through the front door the production server answers it with, so tests send real requests
 * (chunked bodies, lying Content-Length). `settle()` waits for the work scheduled after answers.
 */
export async function startIntakeServer() {
  const pending: Promise<void>[] = [];
  const failures: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const schedule = (work: () => Promise<void>) => void pending.push(work().catch((error: unknown) => void failures.push(error)));
    if (!receiveAlertsAhead(req, res, false, schedule)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (sourceId: string) => `http://127.0.0.1:${port}/api/alerts/${sourceId}`,
    async settle() {
      while (pending.length) await Promise.all(pending.splice(0));
      if (failures.length) throw failures.splice(0)[0];
    },
    async close() {
      while (pending.length) await Promise.all(pending.splice(0));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
