import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";

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
    | "outbound.disabled";
  /** The same key is delivered once per user, so a job may run as often as it likes. */
  dedupeKey: string;
  message: string;
  href: string;
  taskId?: string;
};

/** Where notifications go. In-app now; e-mail or webhooks implement the same interface later. */
export interface Notifier {
  notify(notifications: NotificationInput[], tx?: Tx): Promise<number>;
}

export const inAppNotifier: Notifier = {
  async notify(notifications, tx) {
    if (notifications.length === 0) return 0;
    const result = await (tx ?? db()).notification.createMany({ data: notifications, skipDuplicates: true });
    return result.count;
  },
};
