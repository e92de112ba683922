import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { inAppNotifier } from "@/lib/notifications/notifier";
import { sendDueReminders } from "@/lib/tasks/reminders";
import { drainFactsChanges } from "@/lib/reviews/facts-changes";
import { logger } from "@/lib/observability/logger";
import { countingFailures } from "@/lib/observability/metrics";
import { pruneApiState } from "@/lib/api/prune";
import { startOutboundJobs } from "@/lib/outbound/jobs";
import { DELIVERY_RETENTION_MS, processPendingDeliveries, pruneDeliveries } from "@/lib/alerts/process";
import { startMailJobs } from "@/lib/mail/jobs";

const REMINDERS = "task-reminders";
/** API: expired Idempotency-Keys and finished rate-limit windows. */
const API_PRUNE = "api-prune";
/** Facts changes written around lib (raw SQL, imports); lib's own writes settle them in their transaction. */
const REVIEW_FACTS = "review-facts-changes";
/** Alert deliveries still pending a while after intake (the in-process run after the answer was lost). */
const ALERT_DELIVERIES = "alert-deliveries";
const ALERT_SWEEP_AGE_MS = 30_000;

/** Each instance asks for a first run when it starts; instances starting together get one run, not one each. */
const ON_START = { singletonKey: "on-start", singletonSeconds: 60 };

/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss, its own "pgboss" schema): no extra
 * service. Started with the web server; every instance works the queue, and pg-boss makes sure
 * each scheduled run happens once.
 */
export async function startJobWorker(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 2 });
  boss.on("error", (error: Error) => logger().error({ err: error, component: "jobs" }, "job queue error"));
  await boss.start();
  await boss.createQueue(REMINDERS);
  await boss.schedule(REMINDERS, "*/10 * * * *");
  await boss.work(
    REMINDERS,
    countingFailures(REMINDERS, async () => {
      await sendDueReminders(inAppNotifier);
    }),
  );
  await boss.send(REMINDERS, {}, ON_START);
  await boss.createQueue(REVIEW_FACTS);
  await boss.schedule(REVIEW_FACTS, "* * * * *");
  await boss.work(
    REVIEW_FACTS,
    countingFailures(REVIEW_FACTS, async () => {
      await drainFactsChanges(new Date(), inAppNotifier);
    }),
  );
  await boss.send(REVIEW_FACTS, {}, ON_START);
  // ── API ──
  await boss.createQueue(API_PRUNE);
  await boss.schedule(API_PRUNE, "17 * * * *");
  await boss.work(
    API_PRUNE,
    countingFailures(API_PRUNE, async () => {
      await pruneApiState(new Date());
    }),
  );
  // Outbound webhooks and chat: woken by each committed event, swept every minute for retries.
  await startOutboundJobs(boss, inAppNotifier);
  // ── alerts ──
  await boss.createQueue(ALERT_DELIVERIES);
  await boss.schedule(ALERT_DELIVERIES, "* * * * *");
  await boss.work(
    ALERT_DELIVERIES,
    countingFailures(ALERT_DELIVERIES, async () => {
      await processPendingDeliveries(new Date(Date.now() - ALERT_SWEEP_AGE_MS));
      await pruneDeliveries(new Date(Date.now() - DELIVERY_RETENTION_MS));
    }),
  );
  await boss.send(ALERT_DELIVERIES, {}, ON_START);
  // E-mail: outbox delivery (woken on commit, retried every minute) and the daily digest.
  await startMailJobs(boss);
  return boss;
}
