import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import type { Notifier } from "@/lib/notifications/notifier";
import { ListenConnection } from "@/lib/realtime/listen-connection";
import { OUTBOUND_CHANNEL } from "@/lib/outbound/events";
import { runOutbound } from "@/lib/outbound/run";
import { sealLegacyCredentials } from "@/lib/outbound/seal-legacy";

const OUTBOUND = "outbound-deliveries";
/** A retry due sooner than the next minute's sweep gets a job of its own. */
const SWEEP_MS = 60_000;
const WAKE_DEBOUNCE_MS = 200;

/**
 * Deliveries run as pg-boss jobs: one every minute (retries, anything missed), one as soon as a
 * mutation commits an event (its NOTIFY), and one when a retry falls due before the next sweep.
 * Every run claims deliveries with SKIP LOCKED, so extra or concurrent runs never double-send.
 */
export async function startOutboundJobs(boss: PgBoss, notifier: Notifier): Promise<void> {
  await sealLegacyCredentials().catch((error: unknown) => console.error("outbound: could not seal stored credentials; retried at the next start", error));
  await boss.createQueue(OUTBOUND);
  await boss.schedule(OUTBOUND, "* * * * *");
  await boss.work(OUTBOUND, { pollingIntervalSeconds: 1 }, async () => {
    const result = await runOutbound(new Date(), notifier);
    const wait = result.nextDueAt ? result.nextDueAt.getTime() - Date.now() : Infinity;
    if (wait < SWEEP_MS) await boss.send(OUTBOUND, {}, { startAfter: Math.max(1, Math.ceil(wait / 1000)) });
  });
  // A burst of events (an import, a busy incident) becomes one run, not one job per event.
  let waking = false;
  const wake = () => {
    if (waking) return;
    waking = true;
    setTimeout(() => {
      waking = false;
      boss.send(OUTBOUND, {}).catch((error: unknown) => console.error("outbound: could not queue a run", error));
    }, WAKE_DEBOUNCE_MS);
  };
  const listener = new ListenConnection(env().DATABASE_URL, OUTBOUND_CHANNEL, { notification: wake, up: wake, down: () => undefined });
  await listener.start();
}
