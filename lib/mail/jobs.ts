import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { ListenConnection } from "@/lib/realtime/listen-connection";
import { deliverOutbox } from "@/lib/mail/deliver";
import { MAIL_CHANNEL } from "@/lib/mail/outbox";
import { configuredSender } from "@/lib/mail/transport";
import { queueDigests } from "@/lib/mail/digest";

const DELIVER = "mail-delivery";
const DIGEST = "mail-daily-digest";

/**
 * Delivery runs as a pg-boss job: every minute for retries and anything a crash left behind, and
 * at once when a transaction that queued mail commits (its NOTIFY wakes us). The singleton key
 * folds a burst of wake-ups into one run; a run drains everything due.
 */
export async function startMailJobs(boss: PgBoss): Promise<void> {
  const sender = configuredSender();
  if (!sender) console.log("mail: SMTP_URL is not set; e-mail is kept in the outbox (Settings → E-mail outbox)");
  await boss.createQueue(DELIVER);
  await boss.schedule(DELIVER, "* * * * *");
  await boss.work(DELIVER, { pollingIntervalSeconds: 0.5 }, async () => {
    await deliverOutbox(sender, new Date());
  });
  const wake = () => void boss.send(DELIVER, {}, { singletonKey: "drain", singletonSeconds: 1 }).catch((error: unknown) => console.error("mail:", error));
  const listener = new ListenConnection(env().DATABASE_URL, MAIL_CHANNEL, { notification: wake, up: wake, down: () => undefined });
  await listener.start();

  await boss.createQueue(DIGEST);
  // Hourly: each user's digest goes out in the first run after 08:00 in their zone, once a day (dedupe key).
  await boss.schedule(DIGEST, "5 * * * *");
  await boss.work(DIGEST, async () => {
    await queueDigests(new Date());
  });
}
