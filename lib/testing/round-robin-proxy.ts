import http from "node:http";
import net from "node:net";

export type Upstream = { host: string; port: number };

export type RoundRobinProxy = {
  port: number;
  /** Which upstream (index) each request and websocket went to, oldest first. */
  routed: number[];
  close(): Promise<void>;
};

/**
 * A load balancer for tests and benches on loopback: requests and websocket upgrades go to the
 * upstreams in turn, skipping one that refuses the connection (as a real balancer's health check
 * would), and responses stream through unbuffered, so server-sent events arrive as they are sent.
 * Request bodies are buffered (tests and benches send small ones).
 * Ours because the well-kept proxies are whole servers to configure (nginx, HAProxy) and Node's
 * http-proxy is unmaintained; this is the part a test needs.
 */
export async function startRoundRobinProxy(upstreams: readonly Upstream[], port = 0): Promise<RoundRobinProxy> {
  let next = 0;
  const routed: number[] = [];
  const sockets = new Set<net.Socket>();

  /** Tries each upstream once, starting with the next in turn. */
  function connectInTurn(onConnected: (socket: net.Socket, index: number) => void, onNone: () => void, attempt = 0): void {
    if (attempt >= upstreams.length) return onNone();
    const index = next;
    next = (next + 1) % upstreams.length;
    const upstream = upstreams[index]!;
    const socket = net.connect(upstream.port, upstream.host);
    socket.once("connect", () => {
      socket.removeAllListeners("error");
      routed.push(index);
      onConnected(socket, index);
    });
    socket.once("error", () => connectInTurn(onConnected, onNone, attempt + 1));
  }

  // Keep-alive to each upstream, as a real balancer pools its connections.
  const agents = upstreams.map(() => new http.Agent({ keepAlive: true }));

  /** Sends the request to the next upstream in turn, and to the one after if it refuses the connection. */
  function forward(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse, attempt = 0): void {
    if (attempt >= upstreams.length) {
      response.writeHead(502, { "Content-Type": "text/plain" }).end("No upstream is reachable.");
      return;
    }
    const index = next;
    next = (next + 1) % upstreams.length;
    const upstream = upstreams[index]!;
    const forwarded = http.request(
      {
        agent: agents[index],
        host: upstream.host,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, "x-forwarded-for": request.socket.remoteAddress ?? "" },
      },
      (answer) => {
        routed.push(index);
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        response.flushHeaders();
        answer.pipe(response);
      },
    );
    forwarded.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" && !response.headersSent) return forward(request, body, response, attempt + 1);
      if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    response.on("close", () => forwarded.destroy());
    forwarded.end(body);
  }

  const server = http.createServer((request, response) => {
    // Bodies are read whole first, so a request an upstream refused can be sent to the next one.
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => forward(request, Buffer.concat(chunks), response));
  });

  server.on("upgrade", (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    connectInTurn(
      (socket) => {
        sockets.add(socket);
        socket.on("close", () => {
          sockets.delete(socket);
          client.destroy();
        });
        socket.on("error", () => socket.destroy());
        client.on("close", () => socket.destroy());
        const lines = [`${request.method} ${request.url} HTTP/1.1`];
        for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
        socket.write(`${lines.join("\r\n")}\r\n\r\n`);
        if (head.length > 0) socket.write(head);
        socket.pipe(client);
        client.pipe(socket);
      },
      () => client.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n"),
    );
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    routed,
    async close() {
      for (const socket of sockets) socket.destroy();
      for (const agent of agents) agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
