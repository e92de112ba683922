import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { checkAddress, parseAllowList, type AddressPolicy } from "@/lib/net/address-policy";
import { env } from "@/lib/env";

export const OUTBOUND_TIMEOUT_MS = 10_000;
/** More than any receiver's acknowledgement needs; the rest is never read. */
export const OUTBOUND_MAX_BYTES = 64 * 1024;

/** A destination we refused to contact, or a transport failure; the message is safe to show to admins. */
export class OutboundError extends Error {
  constructor(
    readonly code: "REFUSED" | "INVALID_URL" | "TIMEOUT" | "NETWORK" | "REDIRECT",
    message: string,
  ) {
    super(message);
  }
}

export type OutboundRequest = {
  method?: "POST" | "GET";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
  policy?: AddressPolicy;
  /** Resolves host names; tests swap it to prove a rebinding answer cannot reach a refused address. */
  resolve?: (host: string) => Promise<string[]>;
};

export type OutboundResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; truncated: boolean; latencyMs: number; address: string };

let envPolicy: AddressPolicy | undefined;

/** The operator's OUTBOUND_ALLOW_PRIVATE (checked with the rest of the environment at start-up), read once. */
export function outboundPolicy(): AddressPolicy {
  envPolicy ??= parseAllowList(env().OUTBOUND_ALLOW_PRIVATE);
  return envPolicy;
}

async function systemResolve(host: string): Promise<string[]> {
  const answers = await lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

/** Parses and checks a destination URL without contacting it (for form validation). */
export function parseOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("INVALID_URL", "Enter a full URL starting with https://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundError("INVALID_URL", "Only http:// and https:// addresses can be used.");
  if (url.username || url.password) throw new OutboundError("INVALID_URL", "Put credentials in a header or the path, not in the URL.");
  return url;
}

/**
 * Picks the address to connect to: every address the name resolves to must be allowed (the
 * WHATWG URL parser has already turned decimal, octal, hex and short IPv4 forms into dotted ones).
 */
async function vetHost(url: URL, policy: AddressPolicy, resolve: (host: string) => Promise<string[]>, timeoutMs: number): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs)));
      addresses = await Promise.race([resolve(host), late]).finally(() => clearTimeout(timer));
    } catch {
      throw new OutboundError("NETWORK", `${host} could not be resolved.`);
    }
    if (addresses.length === 0) throw new OutboundError("NETWORK", `${host} could not be resolved.`);
  }
  for (const address of addresses) {
    const verdict = checkAddress(address, policy);
    if (!verdict.ok) throw new OutboundError("REFUSED", `Refused: ${host} points to a private or reserved address (${verdict.reason}).`);
  }
  const [first] = addresses;
  if (!first) throw new OutboundError("NETWORK", `${host} could not be resolved.`);
  return first;
}

/**
 * The only way Hindsight contacts an address a user typed. It connects to the very address it
 * checked (the socket is opened to the IP, so a second DNS answer cannot switch it), never
 * follows redirects, and caps time and response size.
 */
export async function safeRequest(rawUrl: string, request: OutboundRequest = {}): Promise<OutboundResponse> {
  const url = parseOutboundUrl(rawUrl);
  const policy = request.policy ?? outboundPolicy();
  const timeoutMs = request.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const address = await vetHost(url, policy, request.resolve ?? systemResolve, timeoutMs);
  const maxBytes = request.maxBytes ?? OUTBOUND_MAX_BYTES;
  const secure = url.protocol === "https:";
  const started = performance.now();
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = (secure ? https : http).request({
      host: address,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: request.method ?? "POST",
      servername: secure && !isIP(url.hostname) ? url.hostname : undefined,
      headers: {
        host: url.host,
        "user-agent": "Hindsight-Outbound/1",
        ...(body ? { "content-length": String(body.length) } : {}),
        ...request.headers,
      },
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new OutboundError("TIMEOUT", `No complete answer within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof OutboundError ? error : new OutboundError("NETWORK", `Connection failed: ${error.message}`));
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        clearTimeout(timer);
        res.resume();
        req.destroy();
        reject(new OutboundError("REDIRECT", `Answered ${status} (redirect to ${res.headers.location ?? "nowhere"}); redirects are not followed.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), truncated, latencyMs: Math.round(performance.now() - started), address });
      };
      res.on("data", (chunk: Buffer) => {
        if (truncated) return;
        const room = maxBytes - size;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          size = maxBytes;
          truncated = true;
          finish();
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        if (!truncated) finish();
      });
      res.on("error", (error) => {
        if (truncated) return;
        clearTimeout(timer);
        reject(error instanceof OutboundError ? error : new OutboundError("NETWORK", `Connection failed: ${error.message}`));
      });
    });
    req.end(body);
  });
}
