import { describe, expect, it } from "vitest";
import { PEER_HEADER, clientIp, normalizeIp, parseTrustProxy } from "@/lib/auth/client-ip";

const request = (peer: string, forwarded?: string) => ({ [PEER_HEADER]: peer, "x-forwarded-for": forwarded });

describe("client IP", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    const none = parseTrustProxy(undefined);
    expect(clientIp(request("203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
    expect(clientIp(request("203.0.113.7", "1.2.3.4, 5.6.7.8"), none)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ [PEER_HEADER]: "::ffff:203.0.113.7", "x-forwarded-for": "1.2.3.4" }), parseTrustProxy("0"))).toBe("203.0.113.7");
  });

  it("with no peer recorded, is unknown rather than whatever a client wrote", () => {
    expect(clientIp({ "x-forwarded-for": "1.2.3.4" }, parseTrustProxy(""))).toBe("unknown");
  });

  it("trusts a number of hops", () => {
    const one = parseTrustProxy("1");
    expect(clientIp(request("10.0.0.2", "198.51.100.9"), one)).toBe("198.51.100.9");
    // A client that writes its own header is still seen as the address the proxy appended.
    expect(clientIp(request("10.0.0.2", "1.2.3.4, 198.51.100.9"), one)).toBe("198.51.100.9");
    expect(clientIp(request("10.0.0.2", "1.2.3.4, 198.51.100.9, 10.0.0.3"), parseTrustProxy("2"))).toBe("198.51.100.9");
    // More hops than entries: the left-most one is all there is.
    expect(clientIp(request("10.0.0.2", "198.51.100.9"), parseTrustProxy("5"))).toBe("198.51.100.9");
    expect(clientIp(request("10.0.0.2"), one)).toBe("10.0.0.2");
  });

  it("trusts IPv4 and IPv6 ranges, walking from the right", () => {
    const ranges = parseTrustProxy("10.0.0.0/8, fd00::/8, 192.0.2.1");
    expect(clientIp(request("10.1.2.3", "1.2.3.4, 198.51.100.9, 192.0.2.1"), ranges)).toBe("198.51.100.9");
    expect(clientIp(request("fd00::1", "2001:db8::5"), ranges)).toBe("2001:db8::5");
    expect(clientIp(request("::ffff:10.9.9.9", "[2001:db8::6]"), ranges)).toBe("2001:db8::6");
    // An untrusted peer is the client, whatever it forwards.
    expect(clientIp(request("203.0.113.7", "1.2.3.4"), ranges)).toBe("203.0.113.7");
    // Every hop trusted: the left-most address.
    expect(clientIp(request("10.0.0.1", "10.0.0.9"), ranges)).toBe("10.0.0.9");
  });

  it("refuses a setting it cannot read", () => {
    for (const bad of ["yes", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "not-an-ip"]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it("spells one address one way", () => {
    expect(normalizeIp("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeIp("[2001:DB8::1]")).toBe("2001:db8::1");
  });
});
