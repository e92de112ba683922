import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Notifier } from "@/lib/notifications/notifier";
import { outboundPolicy } from "@/lib/net/safe-request";
import { fanOutEvents } from "@/lib/outbound/fanout";
import { claimDue, deliverOne } from "@/lib/outbound/deliver";
import type { SendOptions } from "@/lib/outbound/outcome";

const BATCH = 50;
/** Requests in flight at once: a slow receiver holds one slot, never the app. */
const CONCURRENCY = 8;
/** One run stops after this many batches and leaves the rest to the next run. */
const MAX_BATCHES = 40;

export type RunResult = { events: number; delivered: number; retrying: number; failed: number; nextDueAt: Date | null };

/** Where Slack's Web API is: a different base only when private ranges are opened (a test or lab double). */
export function defaultSendOptions(): SendOptions {
  const custom = env().OUTBOUND_ALLOW_PRIVATE ? env().SLACK_API_URL : undefined;
  return { policy: outboundPolicy(), slackApiUrl: custom || "https://slack.com/api" };
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await run(item);
  }));
}

/**
 * One pass of the outbound worker: fan out new events, then send what is due. `now` drives
 * every schedule decision, so tests move time instead of waiting.
 */
export async function runOutbound(now: Date, notifier: Notifier, options: SendOptions = defaultSendOptions()): Promise<RunResult> {
  const result: RunResult = { events: 0, delivered: 0, retrying: 0, failed: 0, nextDueAt: null };
  for (let fanned = await fanOutEvents(now); fanned > 0; fanned = await fanOutEvents(now)) result.events += fanned;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const ids = await claimDue(now, BATCH);
    if (ids.length === 0) break;
    await inParallel(ids, CONCURRENCY, async (id) => {
      const outcome = await deliverOne(id, now, options, notifier);
      if (outcome === "delivered") result.delivered++;
      else if (outcome === "retry") result.retrying++;
      else if (outcome === "failed") result.failed++;
    });
  }
  const next = await db().outboundDelivery.findFirst({ where: { status: "PENDING" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  result.nextDueAt = next?.nextAttemptAt ?? null;
  return result;
}
