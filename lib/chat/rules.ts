import type { EventEnvelope } from "@/lib/outbound/event-types";

/** What a chat destination can be told about; each maps from one or more team events. */
export const CHAT_EVENT_KINDS = ["declared", "changed", "resolved", "postmortem_published", "review_requested"] as const;
export type ChatEventKind = (typeof CHAT_EVENT_KINDS)[number];

export const CHAT_EVENT_LABEL: Record<ChatEventKind, string> = {
  declared: "Incident declared",
  changed: "Severity or status changed",
  resolved: "Incident resolved",
  postmortem_published: "Postmortem published",
  review_requested: "Review requested",
};

export function chatKind(type: string, data: EventEnvelope["data"]): ChatEventKind | null {
  switch (type) {
    case "incident.declared":
      return "declared";
    case "incident.resolved":
      return "resolved";
    case "incident.updated":
      return data.changes?.severity || data.changes?.status ? "changed" : null;
    case "postmortem.published":
      return "postmortem_published";
    case "review.requested":
      return "review_requested";
    default:
      return null;
  }
}

/** A destination takes an event when it chose the kind and the incident's severity (none chosen = every severity). */
export function destinationWants(destination: { events: string[]; severities: string[] }, type: string, data: EventEnvelope["data"]): boolean {
  const kind = chatKind(type, data);
  if (!kind || !destination.events.includes(kind)) return false;
  const severity = data.incident?.severity;
  return destination.severities.length === 0 || (severity !== undefined && destination.severities.includes(severity));
}
