import ipaddr from "ipaddr.js";

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Ranges a self-hoster explicitly opened (OUTBOUND_ALLOW_PRIVATE); everything else is judged by its range. */
export type AddressPolicy = { allow: Cidr[] };

export const DEFAULT_POLICY: AddressPolicy = { allow: [] };

/** Parses "127.0.0.0/8, ::1/128" (bare addresses mean a single host); throws on a malformed entry. */
export function parseAllowList(value: string | undefined): AddressPolicy {
  const allow: Cidr[] = [];
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry.includes("/")) {
      allow.push(ipaddr.parseCIDR(entry));
    } else {
      const address = ipaddr.parse(entry);
      allow.push([address, address.kind() === "ipv4" ? 32 : 128]);
    }
  }
  return { allow };
}

function allowed(address: ipaddr.IPv4 | ipaddr.IPv6, policy: AddressPolicy): boolean {
  return policy.allow.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/** The IPv4 address an IPv6 one stands for: mapped, compatible (::a.b.c.d), NAT64 and 6to4 forms. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  const range = address.range();
  const at = (offset: number) => ipaddr.IPv4.parse(bytes.slice(offset, offset + 4).join("."));
  if (range === "ipv4Mapped" || range === "rfc6052" || range === "rfc6145") return at(12);
  // IPv4-compatible (::a.b.c.d), deprecated but still routed by some stacks; :: and ::1 are not IPv4.
  if (bytes.slice(0, 12).every((b) => b === 0) && bytes.slice(12, 15).some((b) => b !== 0)) return at(12);
  if (range === "6to4") return at(2);
  return null;
}

export type AddressVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether an outbound connection to this address may be made: only public unicast, unless the
 * policy allows the range. IPv6 forms that embed an IPv4 address are judged by that address.
 */
export function checkAddress(text: string, policy: AddressPolicy = DEFAULT_POLICY): AddressVerdict {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.parse(text.replace(/^\[|\]$/g, ""));
  } catch {
    return { ok: false, reason: `"${text}" is not an IP address` };
  }
  if (allowed(address, policy)) return { ok: true };
  if (address.kind() === "ipv6") {
    const v6 = address as ipaddr.IPv6;
    const inner = embeddedIpv4(v6);
    if (inner) {
      const verdict = checkAddress(inner.toString(), policy);
      return verdict.ok ? verdict : { ok: false, reason: `${text} embeds ${inner.toString()}: ${verdict.reason}` };
    }
  }
  const range = address.range();
  if (range !== "unicast") return { ok: false, reason: `${address.toString()} is a ${range} address` };
  return { ok: true };
}
