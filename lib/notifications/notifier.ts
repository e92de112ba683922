import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { DEFAULT_CHANNEL, type Channel } from "@/lib/mail/kinds";
import { queueNotificationMails } from "@/lib/mail/notification-mail";

export type NotificationInput = {
  userId: string;
  teamId: string;
  kind:
    | "task.assigned"
    | "task.due_soon"
    | "task.overdue"
    | "task.verify"
    | "comment.mention"
    | "comment.reply"
    | "review.requested"
    | "review.changes_requested"
    | "review.stale"
    | "review.approved"
    | "outbound.disabled"
    | "incident.declared"
    | "incident.resolved"
    | "postmortem.published";
  /** The same key is delivered once per user, so a job may run as often as it likes. */
  dedupeKey: string;
  message: string;
  href: string;
  taskId?: string;
  /** Named in the e-mail in the recipient's zone and the incident's (not stored with the notification). */
  moment?: { label: string; at: Date; timeZone: string };
};

/** Where notifications go. */
export interface Notifier {
  notify(notifications: NotificationInput[], tx?: Tx): Promise<number>;
}

async function channels(tx: Tx, notifications: NotificationInput[]): Promise<Map<string, Channel>> {
  const rows = await tx.notificationPreference.findMany({
    where: { userId: { in: [...new Set(notifications.map((n) => n.userId))] }, kind: { in: [...new Set(notifications.map((n) => n.kind))] } },
    select: { userId: true, kind: true, channel: true },
  });
  return new Map(rows.map((r) => [`${r.userId} ${r.kind}`, r.channel]));
}

async function deliver(tx: Tx, notifications: NotificationInput[]): Promise<number> {
  const chosen = await channels(tx, notifications);
  const channelOf = (n: NotificationInput) => chosen.get(`${n.userId} ${n.kind}`) ?? DEFAULT_CHANNEL;
  const wanted = notifications.filter((n) => channelOf(n) !== "OFF");
  if (wanted.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: wanted.map(({ moment: _moment, ...row }) => row),
    skipDuplicates: true,
    select: { userId: true, dedupeKey: true },
  });
  // Only notifications that are new are e-mailed: the dedupe key decides for both channels.
  const isNew = new Set(created.map((c) => `${c.userId} ${c.dedupeKey}`));
  await queueNotificationMails(tx, wanted.filter((n) => isNew.has(`${n.userId} ${n.dedupeKey}`) && channelOf(n) === "EMAIL"));
  return created.length;
}

/**
 * The app's notifier: the bell, and e-mail per the recipient's choice for the kind (in-app,
 * in-app and e-mail, or off). E-mail is queued in the outbox in the same transaction.
 */
export const inAppNotifier: Notifier = {
  async notify(notifications, tx) {
    if (notifications.length === 0) return 0;
    // A job may notify a whole team at once: more than the default five seconds on a busy machine.
    return tx ? deliver(tx, notifications) : db().$transaction((t) => deliver(t, notifications), { timeout: 60_000 });
  },
};
