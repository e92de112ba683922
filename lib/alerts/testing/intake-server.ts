import { createServer, type IncomingMessage, type Server } from "node:http";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import { receiveDelivery } from "@/lib/alerts/intake";
import { processDelivery } from "@/lib/alerts/process";

function toRequest(message: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = message.method !== "GET" && message.method !== "HEAD";
  return new Request(new URL(message.url ?? "/", base), {
    method: message.method,
    headers,
    body: hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

/**
 * The intake on a loopback HTTP server, as the route handler runs it, so tests send real requests
 * (chunked bodies, lying Content-Length). `settle()` waits for the work scheduled after answers.
 */
export async function startIntakeServer() {
  const pending: Promise<void>[] = [];
  const failures: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const match = /^\/api\/alerts\/([^/?]+)/.exec(req.url ?? "");
    if (!match?.[1]) {
      res.writeHead(404).end();
      return;
    }
    const request = toRequest(req, "http://127.0.0.1");
    receiveDelivery(request, decodeURIComponent(match[1]), (work) => pending.push(work().catch((error: unknown) => void failures.push(error))), processDelivery)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      });
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
