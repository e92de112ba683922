import type { NotificationInput } from "@/lib/notifications/notifier";

/** What a notification is about, in a word or two, for the list. */
export const NOTIFICATION_LABEL: Record<NotificationInput["kind"], string> = {
  "task.assigned": "Task given to you",
  "task.due_soon": "Task due soon",
  "task.overdue": "Task overdue",
  "task.verify": "Task to verify",
  "comment.mention": "Mention",
  "comment.reply": "Reply",
  "review.requested": "Review requested",
  "review.changes_requested": "Changes requested",
  "review.stale": "Approval out of date",
  "review.approved": "Postmortem approved",
  "outbound.disabled": "Delivery turned off",
  "incident.declared": "Incident declared",
  "incident.resolved": "Incident resolved",
  "postmortem.published": "Postmortem published",
};

export const notificationLabel = (kind: string): string => (kind in NOTIFICATION_LABEL ? NOTIFICATION_LABEL[kind as NotificationInput["kind"]] : "Notice");
