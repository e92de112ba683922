import type { IncomingMessage, ServerResponse } from "node:http";
import { receiveDelivery, reply, type IntakeAnswer, type ScheduleWork } from "@/lib/alerts/intake";
import { fromNodeRequest, writeNodeAnswer } from "@/lib/alerts/intake-http";
import { processDelivery } from "@/lib/alerts/process";
import { DATABASE_UNREACHABLE_MESSAGE, isDatabaseUnreachable, RETRY_AFTER_SECONDS } from "@/lib/outage/unreachable";
import { securityHeaders } from "@/lib/security-headers";
import { logger } from "@/lib/observability/logger";

const INTAKE_PATH = /^\/api\/alerts\/([^/?#]+)(?:\?.*)?$/;

/** A JSON answer embeds nothing and may be framed by nothing. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function failure(error: unknown): IntakeAnswer {
  if (isDatabaseUnreachable(error)) {
    return reply(503, { error: { code: "UNAVAILABLE", message: DATABASE_UNREACHABLE_MESSAGE } }, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  logger().error({ err: error, component: "alerts" }, "the intake failed");
  return reply(500, { error: { code: "INTERNAL", message: "Hindsight could not take this delivery; retry." } });
}

/** Work that starts once the answer is out, as the route handler's `after` does; the sweep job covers a crash. */
const afterAnswer =
  (response: ServerResponse): ScheduleWork =>
  (work) =>
    response.once("close", () => {
      work().catch((error: unknown) => logger().error({ err: error, component: "alerts" }, "applying deliveries failed; the sweep retries"));
    });

async function answer(request: IncomingMessage, response: ServerResponse, sourceId: string, production: boolean, schedule: ScheduleWork): Promise<void> {
  const intake = fromNodeRequest(request);
  const result = await receiveDelivery(intake, sourceId, schedule, processDelivery).catch(failure);
  for (const { key, value } of securityHeaders(production)) response.setHeader(key, value);
  response.setHeader("Content-Security-Policy", API_POLICY);
  writeNodeAnswer(response, result, intake.readToEnd());
}

/**
 * Answers alert deliveries ahead of Next.js: a monitoring system can send hundreds a second, and
 * the intake needs none of the router, proxy or rendering. The same `receiveDelivery` as the route
 * handler (app/api/alerts/[sourceId]/route.ts), so the answers are the same. Returns whether it answered.
 */
export function receiveAlertsAhead(request: IncomingMessage, response: ServerResponse, production: boolean, schedule: ScheduleWork = afterAnswer(response)): boolean {
  if (request.method !== "POST") return false;
  const match = INTAKE_PATH.exec(request.url ?? "");
  if (!match?.[1]) return false;
  let sourceId: string;
  try {
    sourceId = decodeURIComponent(match[1]);
  } catch {
    return false;
  }
  void answer(request, response, sourceId, production, schedule);
  return true;
}
