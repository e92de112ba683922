import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { inAppNotifier } from "@/lib/notifications/notifier";
import { sendDueReminders } from "@/lib/tasks/reminders";
import { drainFactsChanges } from "@/lib/reviews/facts-changes";
import { startMailJobs } from "@/lib/mail/jobs";

const REMINDERS = "task-reminders";
/** Facts changes written around lib (raw SQL, imports); lib's own writes settle them in their transaction. */
const REVIEW_FACTS = "review-facts-changes";

/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss, its own "pgboss" schema): no extra
 * service. Started with the web server; every instance works the queue, and pg-boss makes sure
 * each scheduled run happens once.
 */
export async function startJobWorker(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 2 });
  boss.on("error", (error: Error) => console.error("jobs:", error));
  await boss.start();
  await boss.createQueue(REMINDERS);
  await boss.schedule(REMINDERS, "*/10 * * * *");
  await boss.work(REMINDERS, async () => {
    await sendDueReminders(inAppNotifier);
  });
  await boss.send(REMINDERS, {});
  await boss.createQueue(REVIEW_FACTS);
  await boss.schedule(REVIEW_FACTS, "* * * * *");
  await boss.work(REVIEW_FACTS, async () => {
    await drainFactsChanges(new Date(), inAppNotifier);
  });
  await boss.send(REVIEW_FACTS, {});
  // E-mail: outbox delivery (woken on commit, retried every minute) and the daily digest.
  await startMailJobs(boss);
  return boss;
}
