import { createHash, randomBytes } from "node:crypto";

/** Recognisable prefixes, so secret scanners and people can tell what leaked and whose it is. */
export const TOKEN_PREFIX = { PERSONAL: "hs_pat_", SERVICE: "hs_svc_" } as const;
const SHOWN_CHARS = 4;

/** 256 random bits after the prefix. Only the hash is stored; the secret is shown once. */
export function newApiSecret(kind: keyof typeof TOKEN_PREFIX): { secret: string; hash: string; prefix: string } {
  const secret = TOKEN_PREFIX[kind] + randomBytes(32).toString("base64url");
  return { secret, hash: hashApiSecret(secret), prefix: secret.slice(0, TOKEN_PREFIX[kind].length + SHOWN_CHARS) };
}

/** SHA-256 is enough: the secret has 256 bits of entropy, so there is nothing to brute-force. */
export function hashApiSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A bearer value that could be one of ours; anything else is refused without a database lookup. */
export function looksLikeApiSecret(value: string): boolean {
  return /^hs_(pat|svc)_[A-Za-z0-9_-]{43}$/.test(value);
}
