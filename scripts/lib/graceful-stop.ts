import type http from "node:http";

export type GracefulStopOptions = {
  /** Longest wait for requests in flight before the rest are cut. */
  timeoutMs: number;
  /** Runs once no new connection is accepted (e.g. ending live streams so they reconnect elsewhere). */
  beforeDrain: () => void;
  /** Runs after the last request finished or the timeout passed. */
  afterDrain: () => Promise<void>;
  log: (line: string) => void;
};

/**
 * Stops a web server the way a load balancer expects: no new connections, requests in flight
 * finish (idle keep-alive connections are closed as they become idle), long-lived ones are told
 * to go elsewhere, and whatever is still open after `timeoutMs` is cut. Resolves with whether
 * everything finished in time.
 */
export async function stopGracefully(server: http.Server, options: GracefulStopOptions): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  options.beforeDrain();
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), options.timeoutMs))),
  ]);
  clearInterval(idle);
  clearTimeout(timer);
  if (!finished) {
    options.log(`requests still open ${options.timeoutMs} ms after the stop signal; closing them`);
    server.closeAllConnections();
  }
  await options.afterDrain();
  return finished;
}
