import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { countAttempt, hitOf, type CountedAttempt, type Limit } from "@/lib/auth/rate-limit";
import { authenticate, type SourceSecrets } from "@/lib/alerts/secrets";
import type { AlertFormat } from "@/lib/generated/prisma/enums";
import { SIGNATURE_HEADER } from "@/lib/alerts/secret-header";
import { parseAlerts } from "@/lib/alerts/formats/parse";
import { AlertShapeError } from "@/lib/alerts/formats/normalized";
import { countAlertIntake } from "@/lib/observability/metrics";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Per source, shared by every app instance through PostgreSQL: 120 deliveries a second sustained. */
export const SOURCE_LIMIT: Limit = { max: 1200, windowMs: 10_000 };
const IDEMPOTENCY_KEY_MAX = 200;

type Json = Record<string, unknown>;

/** What the intake needs of a request, whichever server received it (lib/alerts/intake-http.ts). */
export type IntakeRequest = {
  header(name: string): string | null;
  /** At most `limit` bytes, whatever Content-Length claims; null when the body is longer. */
  readBody(limit: number): Promise<Uint8Array | null>;
};

export type IntakeAnswer = { status: number; headers: Record<string, string>; body: string };

export function reply(status: number, body: Json, headers: Record<string, string> = {}): IntakeAnswer {
  return { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers }, body: JSON.stringify(body) };
}

/** A refused delivery, counted by why (the intake metric's outcomes besides what became of each alert). */
type Refusal = "unauthorized" | "too_large" | "rate_limited" | "invalid";
const STATUS: Record<Refusal, number> = { unauthorized: 401, too_large: 413, rate_limited: 429, invalid: 422 };

function refuse(why: Refusal, code: string, message: string, headers: Record<string, string> = {}): IntakeAnswer {
  countAlertIntake(why);
  return reply(STATUS[why], { error: { code, message } }, headers);
}

function routingKeyOf(body: Uint8Array): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body).toString("utf8"));
    return parsed && typeof parsed === "object" && "routing_key" in parsed && typeof parsed.routing_key === "string" ? parsed.routing_key : null;
  } catch {
    return null;
  }
}

type IntakeSource = SourceSecrets & { id: string; teamId: string; enabled: boolean; format: AlertFormat; mapping: string };

/** What the intake needs of a source, in one plain statement (this runs for every delivery). */
async function sourceOf(id: string): Promise<IntakeSource | null> {
  const [source] = await db().$queryRaw<IntakeSource[]>`
    SELECT "id", "teamId", "enabled", "format"::text AS "format", "mapping", "authMode"::text AS "authMode", "secretHash", "secretSealed",
           "previousSecretHash", "previousSecretSealed", "previousExpiresAt"
      FROM "AlertSource" WHERE "id" = ${id}`;
  return source ?? null;
}

export type ScheduleWork = (work: () => Promise<void>) => void;

/**
 * The intake: authenticate, cap, limit, check the shape, store the raw body, answer 202. The
 * alerts are applied after the answer (`schedule`), and the sweep job picks up anything a crash
 * left pending, so a sender is never kept waiting on incident creation and nothing stored is lost.
 */
export async function receiveDelivery(
  request: IntakeRequest,
  sourceId: string,
  schedule: ScheduleWork,
  process: (deliveryId: string, sourceId: string) => Promise<void>,
): Promise<IntakeAnswer> {
  const now = new Date();
  const source = sourceId.length <= 64 ? await sourceOf(sourceId) : null;
  const body = await request.readBody(MAX_BODY_BYTES);
  if (body === null) return refuse("too_large", "PAYLOAD_TOO_LARGE", `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; lower max_alerts or split the payload.`);
  const authorization = request.header("authorization");
  const authorized =
    source !== null &&
    source.enabled &&
    authenticate(source, { authorization, signature: request.header(SIGNATURE_HEADER), routingKey: authorization ? null : routingKeyOf(body), body }, now);
  // Unknown source, disabled source, wrong secret: one answer, so nothing about sources leaks.
  if (!authorized) return refuse("unauthorized", "UNAUTHENTICATED", "Unauthorized.", { "WWW-Authenticate": 'Bearer realm="hindsight-alerts"' });

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return refuse("invalid", "VALIDATION", "The body is not valid UTF-8.");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    return refuse("invalid", "VALIDATION", `The body is not valid JSON: ${cause instanceof Error ? cause.message : "parse error"}.`);
  }

  const idempotencyKey = request.header("idempotency-key")?.trim().slice(0, IDEMPOTENCY_KEY_MAX) || null;
  const bodyHash = createHash("sha256").update(body).digest("hex");
  // One statement counts the delivery against its source's limit and, within it, stores it —
  // before its shape is judged: a rejected body is what an admin previews a mapping against.
  const [row] = await db().$queryRaw<(CountedAttempt & { id: string | null; inserted: boolean | null })[]>`
    WITH bucket AS (${countAttempt(`alerts:${source.id}`, SOURCE_LIMIT)}),
    stored AS (
      INSERT INTO "AlertDelivery" ("id", "teamId", "sourceId", "receivedAt", "body", "bodyHash", "idempotencyKey", "status")
      SELECT ${`d${crypto.randomUUID().replaceAll("-", "")}`}::text, ${source.teamId}::text, ${source.id}::text, ${now}::timestamptz, ${text}::text, ${bodyHash}::text,
             ${idempotencyKey}::text, 'PENDING'::"AlertDeliveryStatus"
        FROM bucket WHERE bucket."count" <= ${SOURCE_LIMIT.max}
      ON CONFLICT ("sourceId", "idempotencyKey") DO UPDATE SET "idempotencyKey" = EXCLUDED."idempotencyKey"
      RETURNING "id", (xmax = 0) AS inserted
    )
    SELECT bucket."count", bucket.ends_at, bucket.now, stored."id", stored.inserted FROM bucket LEFT JOIN stored ON true`;
  if (row && row.count > SOURCE_LIMIT.max) {
    const seconds = Math.max(1, Math.ceil(hitOf(row).resetSeconds));
    return refuse("rate_limited", "RATE_LIMITED", `This source sent more than ${SOURCE_LIMIT.max} deliveries in ${SOURCE_LIMIT.windowMs / 1000} seconds; retry after ${seconds} s.`, { "Retry-After": String(seconds) });
  }
  if (!row?.id) return reply(500, { error: { code: "INTERNAL", message: "The delivery could not be stored; retry." } });
  const deliveryId = row.id;
  if (!row.inserted) return accepted(deliveryId, parsed, true);

  try {
    await parseAlerts(parsed, source, deliveryId);
  } catch (cause) {
    if (!(cause instanceof AlertShapeError)) throw cause;
    await db().alertDelivery.update({ where: { id: deliveryId }, data: { status: "REJECTED", error: cause.message, processedAt: now } });
    await db().alertSource.update({ where: { id: source.id }, data: { lastDeliveryAt: now } });
    return refuse("invalid", "VALIDATION", cause.message);
  }
  schedule(() => process(deliveryId, source.id));
  return accepted(deliveryId, parsed, false);
}

/** PagerDuty's own answer shape for its events (202 with the dedup key); a plain receipt for the others. */
function accepted(deliveryId: string, body: unknown, duplicate: boolean): IntakeAnswer {
  const dedupKey = body && typeof body === "object" && "event_action" in body ? ("dedup_key" in body && typeof body.dedup_key === "string" ? body.dedup_key : deliveryId) : undefined;
  return reply(202, { status: "success", message: duplicate ? "Already received" : "Event received", deliveryId, ...(dedupKey ? { dedup_key: dedupKey } : {}) });
}
