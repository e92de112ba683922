import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { AlertAuthMode } from "@/lib/generated/prisma/enums";

/** How long the secret before a rotation keeps working, so senders can be reconfigured without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;


export const newSecret = () => `hsa_${randomBytes(32).toString("base64url")}`;
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "hindsight", "alert source secrets", 32));
}

/** AES-256-GCM under a key derived from NEXTAUTH_SECRET: HMAC checks need the secret, not a hash of it. */
export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url")).join(".");
}

function unsealSecret(sealed: string): string | null {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

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
