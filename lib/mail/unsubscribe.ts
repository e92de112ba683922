import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/publishing/origin";

// A key of its own, derived from the app secret, so an unsubscribe token can never pass for anything else.
function key(): Buffer {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update("hindsight.unsubscribe").digest();
}

function sign(body: string): string {
  return createHmac("sha256", key()).update(body).digest("base64url");
}

/** "Stop e-mailing `userId` about `kind`", signed; it needs no session and does not expire (RFC 8058). */
export function unsubscribeToken(userId: string, kind: string): string {
  const body = Buffer.from(JSON.stringify([userId, kind])).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: string } | null {
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { userId: parsed[0], kind: parsed[1] };
    }
  } catch {
    return null;
  }
  return null;
}

export function unsubscribeUrl(token: string): string {
  return `${publicOrigin()}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** RFC 2369 + RFC 8058 headers: mail clients show an "Unsubscribe" button that POSTs to the URL. */
export function unsubscribeHeaders(token: string, fromAddress: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(token)}>, <mailto:${fromAddress}?subject=unsubscribe>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
