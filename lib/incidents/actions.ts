"use server";

import { memberAction } from "@/lib/action";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { updateSeverityDescriptions } from "@/lib/incidents/severities";

export const declareIncidentAction = memberAction((user, input) => declareIncident(user.id, input), {
  revalidate: () => ["/t/[team]"],
  redirectTo: (incident) => `/t/${incident.team.slug}/incidents/${incident.number}`,
});

export const updateIncidentAction = memberAction((user, input) => updateIncident(user.id, input), {
  revalidate: () => ["/t/[team]"],
  message: (result) => (result.warnings.length ? result.warnings.map((w) => w.message).join(" ") : "Saved."),
});

export const updateSeverityDescriptionsAction = memberAction((user, input) => updateSeverityDescriptions(user.id, input), {
  revalidate: () => ["/t/[team]"],
  message: () => "Severity levels saved.",
});
