import type { Prisma } from "../../lib/generated/prisma/client";

/**
 * A year of smaller incidents before the day the demo is seeded, so Insights has something to
 * show: response times that shrink over the year, a service that keeps breaking, alerts, API and
 * hand-declared incidents, and follow-up tasks done on time, late, or still open. Generated from a
 * fixed seed, so every demo tells the same story; dates count back from `now`.
 */
const HISTORY = 30;
const DAY = 86_400_000;
const MINUTE = 60_000;

const TITLES: [string, string][] = [
  ["checkout", "Checkout payments timing out for card customers"],
  ["search", "Search returns stale results after the nightly index rebuild"],
  ["web app", "Login page slow for users on the EU cluster"],
  ["reports", "Weekly export to finance arrived empty"],
  ["checkout", "Payment provider webhook retries piling up"],
  ["primary database", "Replica lag above 60 s on the reporting replica"],
  ["web app", "Static assets served with the wrong cache headers after a deploy"],
  ["search", "Search API returning 502 under the lunchtime peak"],
  ["checkout", "Discount codes rejected after a currency rounding change"],
  ["reports", "Scheduled reports delayed by a stuck worker"],
];

const SEVERITIES = ["SEV2", "SEV3", "SEV3", "SEV4", "SEV3", "SEV1", "SEV4", "SEV2", "SEV3", "SEV4"] as const;
const ORIGINS = ["ALERT", "ALERT", "MANUAL", "API", "ALERT", "MANUAL"] as const;
const TASK_TYPES = ["CORRECTIVE", "PREVENTIVE", "DETECTIVE"] as const;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type People = { lead: string; ops: string; dev: string };

export type HistoryIncident = {
  incident: Prisma.IncidentCreateManyInput;
  service: string;
  events: Omit<Prisma.TimelineEventCreateManyInput, "teamId" | "incidentId">[];
  tasks: Omit<Prisma.TaskCreateManyInput, "teamId" | "incidentId">[];
};

/** Incidents numbered from `firstNumber`, oldest first, in the year before `now`. */
export function demoHistory(teamId: string, people: People, now: Date, firstNumber: number, timeZone: string): HistoryIncident[] {
  const random = seeded(20251015);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const team = [people.lead, people.ops, people.dev];
  return Array.from({ length: HISTORY }, (_, i) => {
    // Spread over the last 360 days; later incidents are detected and fixed faster.
    const started = new Date(now.getTime() - (360 - i * 12 - Math.floor(random() * 8)) * DAY + Math.floor(random() * 10 * 60) * MINUTE);
    const progress = i / HISTORY;
    const minutes = (max: number) => Math.max(1, Math.round(max * (1 - 0.7 * progress) * (0.4 + random())));
    const detected = new Date(started.getTime() + minutes(40) * MINUTE);
    const acknowledged = new Date(detected.getTime() + minutes(15) * MINUTE);
    const mitigated = new Date(acknowledged.getTime() + minutes(150) * MINUTE);
    const resolved = new Date(mitigated.getTime() + minutes(120) * MINUTE);
    const open = i === HISTORY - 1;
    const [service, title] = TITLES[i % TITLES.length]!;
    const severity = SEVERITIES[i % SEVERITIES.length]!;
    const commanderId = pick(team);
    const number = firstNumber + i;
    const incident: Prisma.IncidentCreateManyInput = {
      id: `demo-history-${number}`,
      teamId,
      number,
      title,
      severity,
      status: open ? "MONITORING" : "RESOLVED",
      timeZone,
      origin: pick(ORIGINS),
      summary: `${title}. Found and fixed by the on-call engineer; see the timeline.`,
      startedAt: started,
      detectedAt: detected,
      acknowledgedAt: acknowledged,
      mitigatedAt: mitigated,
      resolvedAt: open ? null : resolved,
      commanderId,
      declaredById: commanderId,
      lastActivityAt: open ? mitigated : resolved,
      createdAt: detected,
    };
    const events: HistoryIncident["events"] = [
      { occurredAt: detected, kind: "UPDATE", source: "SYSTEM", authorId: commanderId, body: `Incident declared as ${severity}. Status: Investigating.`, createdAt: detected },
      { occurredAt: detected, kind: "DETECTION", authorId: people.ops, body: `Alert on **${service}**: ${title.toLowerCase()}.`, starred: true, createdAt: detected },
      { occurredAt: acknowledged, kind: "ACTION", authorId: commanderId, body: "Acknowledged; checking the last deploy and the service's dashboards.", createdAt: acknowledged },
      { occurredAt: mitigated, kind: "MITIGATION", authorId: people.dev, body: "Rolled back the change and drained the backlog; error rate back to normal.", starred: true, createdAt: mitigated },
      ...(open ? [] : [{ occurredAt: resolved, kind: "RESOLUTION" as const, source: "SYSTEM" as const, authorId: commanderId, body: "Status changed from Monitoring to Resolved.", createdAt: resolved }]),
    ];
    const tasks: HistoryIncident["tasks"] = Array.from({ length: 1 + (i % 2) }, (_, t) => {
      const due = new Date(resolved.getTime() + (7 + Math.floor(random() * 21)) * DAY);
      const dueDay = new Date(`${due.toISOString().slice(0, 10)}T00:00:00.000Z`);
      // Most follow-ups get done, some late; recent ones are still open, a few of them overdue.
      const outcome = due.getTime() > now.getTime() ? "OPEN" : random() < 0.75 ? "DONE" : random() < 0.5 ? "DONE_LATE" : "OPEN";
      const completedAt = outcome === "DONE" ? new Date(dueDay.getTime() - Math.floor(random() * 5) * DAY) : outcome === "DONE_LATE" ? new Date(dueDay.getTime() + (1 + Math.floor(random() * 10)) * DAY) : null;
      return {
        title: t === 0 ? `Prevent a repeat: ${title.toLowerCase()}` : `Alert earlier on ${service}`,
        type: TASK_TYPES[(i + t) % TASK_TYPES.length]!,
        priority: severity === "SEV1" || severity === "SEV2" ? "P1" : "P2",
        status: completedAt ? "DONE" : "OPEN",
        ownerId: pick(team),
        dueDate: dueDay,
        completedAt: completedAt && completedAt > now ? now : completedAt,
        createdById: commanderId,
        createdAt: resolved,
      };
    });
    return { incident, service, events, tasks };
  });
}
