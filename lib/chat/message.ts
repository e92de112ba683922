import type { EventEnvelope } from "@/lib/outbound/event-types";
import { STATUS_LABEL } from "@/lib/incidents/labels";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";

/** One platform-neutral message; each platform's format (lib/chat/formats) renders it. */
export type ChatMessage = {
  headline: string;
  title: string;
  fields: { label: string; value: string }[];
  link: { label: string; url: string } | null;
  /** Hex colour by severity, for platforms that show one. */
  color: string;
  /** One-line fallback for notifications and plain-text clients. */
  text: string;
};

const COLOR: Record<string, string> = { SEV1: "#b91c1c", SEV2: "#c2410c", SEV3: "#a16207", SEV4: "#4d7c0f" };

function status(value: string): string {
  return STATUS_LABEL[value as IncidentStatus] ?? value;
}

function headline(event: EventEnvelope): string {
  const ref = event.data.incident?.ref ?? "";
  switch (event.type) {
    case "incident.declared":
      return `${ref} declared`;
    case "incident.resolved":
      return `${ref} resolved`;
    case "incident.updated": {
      const parts = [];
      if (event.data.changes?.severity) parts.push(`severity ${event.data.changes.severity.from} → ${event.data.changes.severity.to}`);
      if (event.data.changes?.status) parts.push(`status ${status(event.data.changes.status.from)} → ${status(event.data.changes.status.to)}`);
      return `${ref} ${parts.join(", ") || "updated"}`;
    }
    case "postmortem.published":
      return `Postmortem published for ${ref}`;
    case "review.requested":
      return `Review requested for the ${ref} postmortem`;
    default:
      return "Test message from Hindsight";
  }
}

export function chatMessage(event: EventEnvelope): ChatMessage {
  const incident = event.data.incident;
  const head = headline(event);
  if (!incident) {
    const text = event.data.message ?? "This destination is set up: incident messages will arrive here.";
    return { headline: head, title: text, fields: [], link: null, color: "#2563eb", text: `${head}: ${text}` };
  }
  const fields = [
    { label: "Severity", value: incident.severity },
    { label: "Status", value: status(incident.status) },
    { label: "Commander", value: incident.commander?.name ?? "Unassigned" },
  ];
  if (event.data.reviewers?.length) fields.push({ label: "Reviewers", value: event.data.reviewers.map((r) => r.name).join(", ") });
  const link = event.data.postmortem ? { label: "Open the postmortem", url: event.data.postmortem.url } : { label: `Open ${incident.ref}`, url: incident.url };
  const title = `${incident.ref} · ${incident.title}`;
  return {
    headline: head,
    title,
    fields,
    link,
    color: COLOR[incident.severity] ?? "#52525b",
    text: `${head}: ${incident.title} (${incident.severity}, ${status(incident.status)}, commander: ${incident.commander?.name ?? "unassigned"}) ${link.url}`,
  };
}
