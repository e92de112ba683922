import type { Tx } from "@/lib/db";
import type { Severity } from "@/lib/generated/prisma/enums";
import { inAppNotifier, type Notifier } from "@/lib/notifications/notifier";

type IncidentEvent = {
  teamId: string;
  incidentId: string;
  number: number;
  title: string;
  severity: Severity;
  timeZone: string;
  event: "declared" | "resolved";
  at: Date;
  /** Null when nobody did it by hand (an alert's routing rule declared it). */
  actorId: string | null;
};

/**
 * "INC-7 declared / resolved" to the team's members who subscribed to the incident's severity
 * (Account → Notifications), except whoever did it.
 */
export async function announceIncident(tx: Tx, e: IncidentEvent, notifier: Notifier = inAppNotifier): Promise<void> {
  const [team, subscribers] = await Promise.all([
    tx.team.findUniqueOrThrow({ where: { id: e.teamId }, select: { slug: true } }),
    tx.membership.findMany({
      where: { teamId: e.teamId, ...(e.actorId ? { userId: { not: e.actorId } } : {}), user: { mailSettings: { incidentSeverities: { has: e.severity } } } },
      select: { userId: true },
    }),
  ]);
  await notifier.notify(
    subscribers.map(({ userId }) => ({
      userId,
      teamId: e.teamId,
      kind: e.event === "declared" ? ("incident.declared" as const) : ("incident.resolved" as const),
      dedupeKey: `incident-${e.event}:${e.incidentId}:${e.at.toISOString()}`,
      message: `${e.severity} INC-${e.number} ${e.event}: ${e.title}`,
      href: `/t/${team.slug}/incidents/${e.number}`,
      moment: { label: e.event === "declared" ? "Started" : "Resolved", at: e.at, timeZone: e.timeZone },
    })),
    tx,
  );
}

/** "Postmortem published" to the team's other members; each chooses in-app, e-mail or off. */
export async function announcePublication(tx: Tx, e: { teamId: string; postmortemId: string; edition: number; title: string; path: string; actorId: string }, notifier: Notifier = inAppNotifier): Promise<void> {
  const members = await tx.membership.findMany({ where: { teamId: e.teamId, userId: { not: e.actorId } }, select: { userId: true } });
  await notifier.notify(
    members.map(({ userId }) => ({
      userId,
      teamId: e.teamId,
      kind: "postmortem.published" as const,
      dedupeKey: `postmortem-published:${e.postmortemId}:${e.edition}`,
      message: `Postmortem published: ${e.title}`,
      href: e.path,
    })),
    tx,
  );
}
