import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sealSecret as sealWith, unsealSecret as unsealWith } from "@/lib/crypto/sealing";
import type { AlertAuthMode } from "@/lib/generated/prisma/enums";

/** How long the secret before a rotation keeps working, so senders can be reconfigured without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;


export const newSecret = () => `hsa_${randomBytes(32).toString("base64url")}`;
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

const PURPOSE = "alert source secrets";

/** AES-256-GCM under a key derived from NEXTAUTH_SECRET: HMAC checks need the secret, not a hash of it. */
export const sealSecret = (secret: string) => sealWith(secret, PURPOSE);
const unsealSecret = (sealed: string) => unsealWith(sealed, PURPOSE);

export type SourceSecrets = {
  authMode: AlertAuthMode;
  secretHash: string;
  secretSealed: string;
  previousSecretHash: string | null;
  previousSecretSealed: string | null;
  previousExpiresAt: Date | null;
};

function equalHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The secrets a request may use now: the current one, and the previous one inside its overlap window. */
function liveSecrets(source: SourceSecrets, now: Date): { hash: string; sealed: string }[] {
  const live = [{ hash: source.secretHash, sealed: source.secretSealed }];
  if (source.previousSecretHash && source.previousSecretSealed && source.previousExpiresAt && source.previousExpiresAt > now) {
    live.push({ hash: source.previousSecretHash, sealed: source.previousSecretSealed });
  }
  return live;
}

export const signBody = (secret: string, body: Uint8Array) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/**
 * Bearer: `Authorization: Bearer <secret>`, or the secret as a PagerDuty-style `routing_key`
 * (the caller passes it). HMAC: `X-Hindsight-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
 */
export function authenticate(source: SourceSecrets, request: { authorization: string | null; signature: string | null; routingKey: string | null; body: Uint8Array }, now: Date): boolean {
  const secrets = liveSecrets(source, now);
  if (source.authMode === "BEARER") {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? "")?.[1] ?? request.routingKey;
    if (!bearer) return false;
    const presented = hashSecret(bearer);
    return secrets.some((s) => equalHex(s.hash, presented));
  }
  const signature = /^sha256=([0-9a-f]{64})$/i.exec(request.signature?.trim() ?? "")?.[1]?.toLowerCase();
  if (!signature) return false;
  return secrets.some((s) => {
    const secret = unsealSecret(s.sealed);
    return secret !== null && equalHex(createHmac("sha256", secret).update(request.body).digest("hex"), signature);
  });
}
