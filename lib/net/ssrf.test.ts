import { afterEach, describe, expect, it } from "vitest";
import { checkAddress, parseAllowList } from "@/lib/net/address-policy";
import { OutboundError, safeRequest } from "@/lib/net/safe-request";
import { startReceiver } from "@/lib/testing/loopback-receiver";

const NO_PRIVATE = parseAllowList("");
const LOOPBACK = parseAllowList("127.0.0.0/8,::1/128");

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function refusal(url: string, resolve?: (host: string) => Promise<string[]>) {
  const error = await safeRequest(url, { policy: NO_PRIVATE, resolve: resolve ?? (() => Promise.reject(new Error("no DNS in this test"))), timeoutMs: 500 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe("every encoding of a refused address is refused", () => {
  const cases: [string, string][] = [
    ["loopback", "http://127.0.0.1/hook"],
    ["loopback, decimal", "http://2130706433/hook"],
    ["loopback, octal", "http://0177.0.0.1/hook"],
    ["loopback, octal long", "http://017700000001/hook"],
    ["loopback, hex short", "http://0x7f.1/hook"],
    ["loopback, hex long", "http://0x7f000001/hook"],
    ["loopback, short form", "http://127.1/hook"],
    ["loopback, other /8 address", "http://127.254.0.9/hook"],
    ["loopback IPv6", "http://[::1]/hook"],
    ["IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]/hook"],
    ["IPv4-mapped IPv6 loopback, hex", "http://[::ffff:7f00:1]/hook"],
    ["IPv4-compatible IPv6 loopback", "http://[::127.0.0.1]/hook"],
    ["NAT64 of loopback", "http://[64:ff9b::127.0.0.1]/hook"],
    ["6to4 of a private address", "http://[2002:a00:1::]/hook"],
    ["RFC 1918 10/8", "http://10.1.2.3/hook"],
    ["RFC 1918 172.16/12", "http://172.31.255.1/hook"],
    ["RFC 1918 192.168/16", "http://192.168.0.10/hook"],
    ["RFC 1918 in decimal", "http://3232235530/hook"],
    ["IPv4-mapped private", "http://[::ffff:10.0.0.1]/hook"],
    ["carrier-grade NAT", "http://100.64.0.1/hook"],
    ["link-local", "http://169.254.1.1/hook"],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["cloud metadata, decimal", "http://2852039166/latest/meta-data/"],
    ["cloud metadata, hex", "http://0xa9fea9fe/latest/meta-data/"],
    ["cloud metadata, IPv4-mapped", "http://[::ffff:169.254.169.254]/"],
    ["cloud metadata IPv6 (AWS)", "http://[fd00:ec2::254]/latest/meta-data/"],
    ["unspecified", "http://0.0.0.0/hook"],
    ["unspecified, short", "http://0/hook"],
    ["unspecified IPv6", "http://[::]/hook"],
    ["broadcast", "http://255.255.255.255/hook"],
    ["multicast", "http://224.0.0.251/hook"],
    ["multicast IPv6", "http://[ff02::1]/hook"],
    ["reserved (class E)", "http://240.0.0.1/hook"],
    ["documentation range", "http://192.0.2.10/hook"],
    ["benchmarking range", "http://198.18.0.1/hook"],
    ["IPv6 link-local", "http://[fe80::1]/hook"],
    ["IPv6 unique local", "http://[fc00::1]/hook"],
  ];
  it.each(cases)("%s (%s)", async (_name, url) => {
    const error = await refusal(url);
    expect(error.code).toBe("REFUSED");
  });

  it("refuses a name that resolves to a private address, or to any private address among public ones", async () => {
    expect((await refusal("https://hooks.example.test/x", async () => ["127.0.0.1"])).code).toBe("REFUSED");
    expect((await refusal("https://hooks.example.test/x", async () => ["93.184.216.34", "10.0.0.5"])).code).toBe("REFUSED");
    expect((await refusal("https://hooks.example.test/x", async () => ["::ffff:169.254.169.254"])).code).toBe("REFUSED");
  });

  it("refuses non-HTTP schemes and credentials in the URL", async () => {
    expect((await refusal("file:///etc/passwd")).code).toBe("INVALID_URL");
    expect((await refusal("gopher://example.com/")).code).toBe("INVALID_URL");
    expect((await refusal("https://user:pw@example.com/")).code).toBe("INVALID_URL");
  });

  it("lets public unicast addresses through the check", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(checkAddress(address, NO_PRIVATE)).toEqual({ ok: true });
  });

  it("opens only the ranges OUTBOUND_ALLOW_PRIVATE names", () => {
    expect(checkAddress("127.0.0.1", LOOPBACK).ok).toBe(true);
    expect(checkAddress("::1", LOOPBACK).ok).toBe(true);
    expect(checkAddress("10.0.0.1", LOOPBACK).ok).toBe(false);
    expect(checkAddress("169.254.169.254", LOOPBACK).ok).toBe(false);
    expect(() => parseAllowList("not-a-cidr")).toThrow();
  });
});

describe("safeRequest against real loopback receivers", () => {
  it("connects to the address it checked: a second DNS answer cannot rebind the request", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const answers: string[][] = [["127.0.0.1"], ["10.9.9.9"]];
    let lookups = 0;
    const response = await safeRequest(`http://rebind.example.test:${receiver.port}/hook`, {
      policy: LOOPBACK,
      body: "{}",
      resolve: async () => answers[Math.min(lookups++, 1)] ?? [],
    });
    expect(response.status).toBe(200);
    expect(response.address).toBe("127.0.0.1");
    expect(lookups).toBe(1);
    expect(receiver.received[0]?.headers.host).toBe(`rebind.example.test:${receiver.port}`);
  });

  it("refuses a rebinding answer that turns private at the only lookup made", async () => {
    const error = await refusal("http://rebind.example.test/hook", async () => ["127.0.0.1"]);
    expect(error.code).toBe("REFUSED");
  });

  it("never follows a redirect, even to an allowed address", async () => {
    const target = await startReceiver();
    closers.push(target.close);
    const redirecting = await startReceiver(() => ({ status: 302, headers: { location: `${target.url}/elsewhere` } }));
    closers.push(redirecting.close);
    const error = await safeRequest(`${redirecting.url}/hook`, { policy: LOOPBACK, body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).code).toBe("REDIRECT");
    expect(target.received).toHaveLength(0);
  });

  it("reads at most maxBytes of the answer", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "x".repeat(1024 * 1024) }));
    closers.push(receiver.close);
    const response = await safeRequest(`${receiver.url}/big`, { policy: LOOPBACK, maxBytes: 64 * 1024 });
    expect(response.body).toHaveLength(64 * 1024);
    expect(response.truncated).toBe(true);
  });

  it("gives up on a receiver that never answers", async () => {
    const receiver = await startReceiver(() => null);
    closers.push(receiver.close);
    const started = Date.now();
    const error = await safeRequest(`${receiver.url}/slow`, { policy: LOOPBACK, timeoutMs: 300 }).catch((e: unknown) => e);
    expect((error as OutboundError).code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses loopback receivers when no range is allowed", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    expect((await refusal(`${receiver.url}/hook`)).code).toBe("REFUSED");
    expect(receiver.received).toHaveLength(0);
  });
});
