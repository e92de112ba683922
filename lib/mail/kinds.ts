/** The notification kinds people choose a channel for, in the order the settings page lists them. */
export const NOTIFICATION_KINDS = [
  { kind: "review.requested", label: "Someone asks for your review" },
  { kind: "review.approved", label: "A postmortem you wrote is approved" },
  { kind: "review.changes_requested", label: "A reviewer asks for changes" },
  { kind: "review.stale", label: "Your approval became stale after edits" },
  { kind: "comment.mention", label: "Someone mentions you" },
  { kind: "comment.reply", label: "Someone replies to your comment" },
  { kind: "task.assigned", label: "A task is assigned to you" },
  { kind: "task.due_soon", label: "Your task is due soon" },
  { kind: "task.overdue", label: "Your task is overdue" },
  { kind: "task.verify", label: "A task awaits your verification" },
  { kind: "incident.declared", label: "An incident is declared (severities below)" },
  { kind: "incident.resolved", label: "An incident is resolved (severities below)" },
  { kind: "postmortem.published", label: "A postmortem is published" },
  { kind: "outbound.disabled", label: "A webhook or chat destination is turned off after failing (admins)" },
] as const;

export type Channel = "IN_APP" | "EMAIL" | "OFF";

/**
 * Kinds nobody chose a channel for are e-mailed as well as shown in the app: that includes kinds
 * added later (a disabled webhook, say), so a new kind reaches people without a settings change.
 */
export const DEFAULT_CHANNEL: Channel = "EMAIL";

export function kindLabel(kind: string): string {
  return NOTIFICATION_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}
