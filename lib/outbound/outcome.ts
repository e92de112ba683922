import { OutboundError, type OutboundResponse } from "@/lib/net/safe-request";
import type { AddressPolicy } from "@/lib/net/address-policy";

/** What one attempt came to; written to the delivery log as is. */
export type Outcome = { ok: boolean; statusCode: number | null; latencyMs: number; response: string; error: string };

/** The log keeps this much of an answer. */
const EXCERPT = 2000;

export function fromResponse(response: OutboundResponse, ok = response.status >= 200 && response.status < 300, error = ""): Outcome {
  return {
    ok,
    statusCode: response.status,
    latencyMs: response.latencyMs,
    response: response.body.slice(0, EXCERPT),
    error: error || (ok ? "" : `Answered ${response.status}.`),
  };
}

export function fromError(error: unknown, started: number): Outcome {
  const message = error instanceof OutboundError ? error.message : error instanceof Error ? `Unexpected error: ${error.message}` : "Unexpected error.";
  return { ok: false, statusCode: null, latencyMs: Math.round(performance.now() - started), response: "", error: message };
}

/** How deliveries leave: which private ranges are open, and where Slack's Web API lives. */
export type SendOptions = { policy: AddressPolicy; slackApiUrl: string };
