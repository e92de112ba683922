import { PeopleMatcher, type Person } from "@/lib/publishing/people";

export type LeakKind = "email" | "ip" | "hostname" | "person" | "secret";
export type Leak = { kind: LeakKind; match: string; context: string };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\b/gi;
const SECRETS: RegExp[] = [
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access keys
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, // Slack tokens
  /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g, // Stripe keys
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWTs
  /\b(?:password|passwd|secret|token|api[_-]?key)\s*[:=]\s*\S{6,}/gi,
  /\b[A-Fa-f0-9]{40,}\b/g, // long hex secrets (also catches commit SHAs: the publisher decides)
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "*.corp.example.com" or "db-*" to a matcher for host names in text. */
export function hostPatternToRegExp(pattern: string): RegExp | null {
  const trimmed = pattern.trim().toLowerCase();
  if (!trimmed || trimmed.length > 200 || !/^[a-z0-9.*-]+$/.test(trimmed)) return null;
  const body = trimmed.split("*").map(escapeRegExp).join("[a-z0-9-]*");
  return new RegExp(`(?<![a-z0-9.-])${body}(?![a-z0-9-])`, "gi");
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
}

/**
 * Likely leaks in text about to be made public: e-mail addresses, IP addresses, the team's
 * internal host names, team members in any form they are written (lib/publishing/people.ts), and things that look like keys or tokens.
 * A check for the publisher to confirm, not a guarantee.
 */
export function findLeaks(text: string, options: { people: readonly Person[]; hostPatterns: readonly string[] }): Leak[] {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  const scan = (kind: LeakKind, pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) {
      const key = `${kind}:${match[0].toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      leaks.push({ kind, match: match[0], context: around(text, match.index ?? 0, match[0].length) });
    }
  };
  scan("email", EMAIL);
  scan("ip", IPV4);
  scan("ip", IPV6);
  for (const pattern of options.hostPatterns) {
    const regexp = hostPatternToRegExp(pattern);
    if (regexp) scan("hostname", regexp);
  }
  for (const mention of new PeopleMatcher(options.people).find(text)) {
    const key = `person:${mention.match.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    leaks.push({ kind: "person", match: mention.match, context: mention.context });
  }
  for (const pattern of SECRETS) scan("secret", pattern);
  return leaks;
}
