/** Every event type a webhook endpoint can subscribe to (payload version 1, lib/outbound/events.ts). */
export const WEBHOOK_EVENT_TYPES = [
  "incident.declared",
  "incident.updated",
  "incident.resolved",
  "timeline_event.created",
  "task.created",
  "task.updated",
  "task.completed",
  "postmortem.approved",
  "postmortem.published",
  "review.requested",
  "alert.firing",
  "alert.resolved",
  "alert.attached",
] as const;

export type TeamEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | "webhook.test" | "chat.test";

export const PAYLOAD_VERSION = 1;

/** The versioned JSON every receiver gets: the same envelope for webhooks and (rendered) chat. */
export type EventEnvelope = { type: TeamEventType; version: typeof PAYLOAD_VERSION; id: string; occurredAt: string; data: EventData };

export type IncidentSummary = {
  id: string;
  number: number;
  ref: string;
  title: string;
  severity: string;
  status: string;
  commander: { id: string; name: string } | null;
  url: string;
};

export type AlertSummary = {
  id: string;
  title: string;
  status: string;
  severity: string;
  dedupKey: string;
  startsAt: string;
  endsAt: string | null;
  labels: Record<string, string>;
  source: { id: string; name: string };
  url: string;
};

export type Change = { from: string; to: string };

export type EventData = {
  incident?: IncidentSummary;
  alert?: AlertSummary;
  changes?: Partial<Record<"status" | "severity" | "commander" | "title", Change>>;
  task?: { id: string; title: string; type: string; status: string; ownerId: string | null; dueDate: string | null };
  timelineEvent?: { id: string; kind: string; body: string; occurredAt: string };
  postmortem?: { id: string; title: string; status: string; url: string };
  reviewers?: { id: string; name: string }[];
  message?: string;
};
