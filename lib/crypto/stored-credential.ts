import { sealSecret, unsealSecret } from "@/lib/crypto/sealing";

/**
 * Credentials for the outside world that Hindsight must send as they are (webhook signing secrets,
 * chat webhook URLs, bot tokens) are stored sealed, so a database dump or backup does not hand
 * them out. Values stored before sealing existed carry no prefix and are read as they are until
 * `sealLegacyCredentials` (lib/outbound/seal-legacy.ts) seals them.
 */
export const SEALED_PREFIX = "sealed:";

export type CredentialPurpose = "webhook signing secret" | "chat destination credential";

export class UnreadableCredentialError extends Error {
  constructor() {
    super("This credential was stored under another NEXTAUTH_SECRET and cannot be read; enter it again (or rotate it).");
  }
}

export const isSealedCredential = (stored: string) => stored.startsWith(SEALED_PREFIX);

export function sealCredential(value: string, purpose: CredentialPurpose): string {
  return `${SEALED_PREFIX}${sealSecret(value, purpose)}`;
}

export function openCredential(stored: string, purpose: CredentialPurpose): string {
  if (!isSealedCredential(stored)) return stored;
  const value = unsealSecret(stored.slice(SEALED_PREFIX.length), purpose);
  if (value === null) throw new UnreadableCredentialError();
  return value;
}
