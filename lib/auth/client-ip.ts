import { BlockList, isIP } from "node:net";
import type { IncomingMessage } from "node:http";

/** Set by scripts/web.ts from the socket, replacing whatever a client sent under that name. */
export const PEER_HEADER = "x-hindsight-peer";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** Who may add to X-Forwarded-For: nobody, the nearest N hops, or addresses in these ranges. */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; ranges: BlockList };

/** Stamps the socket's address on a request before the app sees it (the custom server calls it). */
export function recordPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
}

/** "::ffff:10.0.0.1" is 10.0.0.1: one spelling per address, so limits and ranges agree. */
export function normalizeIp(raw: string): string {
  const value = raw.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return (mapped?.[1] ?? value).toLowerCase();
}

/**
 * TRUST_PROXY: unset, "" or "0" trusts no proxy; a number trusts that many hops in front of the
 * app; otherwise a comma-separated list of addresses or CIDR ranges (IPv4 and IPv6).
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0" || value === "false") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Number(value) };
  const ranges = new BlockList();
  for (const part of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", prefixText] = part.split("/");
    const ip = normalizeIp(address);
    const family = isIP(ip);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
      throw new Error(`TRUST_PROXY: "${part}" is not a number of hops, an IP address or a CIDR range.`);
    }
    ranges.addSubnet(ip, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return { kind: "cidrs", ranges };
}

let cached: { raw: string | undefined; trust: TrustProxy } | undefined;

function configuredTrust(): TrustProxy {
  const raw = process.env.TRUST_PROXY;
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustProxy(raw) };
  return cached.trust;
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function trusted(ip: string, ranges: BlockList): boolean {
  const family = isIP(ip);
  return family !== 0 && ranges.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address. With no trusted proxy it is the socket's peer and X-Forwarded-For is
 * ignored (anyone can write it). With TRUST_PROXY, X-Forwarded-For is read from the right,
 * skipping the trusted hops, and the first address they did not vouch for is the client.
 */
export function clientIp(headers: HeaderBag, trust: TrustProxy = configuredTrust()): string {
  const peer = normalizeIp(header(headers, PEER_HEADER) ?? "") || "unknown";
  if (trust.kind === "none") return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map(normalizeIp)
    .filter(Boolean);
  const chain = [...forwarded, peer];
  if (trust.kind === "hops") return chain[Math.max(chain.length - 1 - trust.hops, 0)] ?? peer;
  let index = chain.length - 1;
  while (index > 0 && trusted(chain[index] ?? "", trust.ranges)) index--;
  return chain[index] ?? peer;
}
