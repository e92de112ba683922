import type { Tx } from "@/lib/db";
import { queueMail, type QueuedMail } from "@/lib/mail/outbox";
import { publicOrigin } from "@/lib/publishing/origin";
import { formatDateTime } from "@/lib/time/format";

export type NotificationMail = {
  userId: string;
  teamId: string;
  kind: string;
  dedupeKey: string;
  message: string;
  href: string;
  /** A moment the mail names (an incident's start), shown in the recipient's zone and the incident's. */
  moment?: { label: string; at: Date; timeZone: string };
};

/** "Dec 1, 2026, 14:05 GMT+1 your time (13:05 GMT in the incident's zone, UTC)" */
export function describeMoment(at: Date, recipientZone: string, incidentZone: string): string {
  const mine = formatDateTime(at, recipientZone);
  if (recipientZone === incidentZone) return `${mine} (${incidentZone})`;
  return `${mine} your time (${formatDateTime(at, incidentZone)} in the incident's zone, ${incidentZone})`;
}

/**
 * Queues one mail per notification, to recipients with a verified address (an unverified one may
 * belong to someone else). Times are in the recipient's zone (their setting, else the team's).
 */
export async function queueNotificationMails(tx: Tx, notifications: NotificationMail[], now = new Date()): Promise<number> {
  if (notifications.length === 0) return 0;
  const userIds = [...new Set(notifications.map((n) => n.userId))];
  const teamIds = [...new Set(notifications.map((n) => n.teamId))];
  const [users, teams] = await Promise.all([
    tx.user.findMany({ where: { id: { in: userIds }, emailVerified: { not: null }, disabledAt: null }, select: { id: true, email: true, mailSettings: { select: { timeZone: true } } } }),
    tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, timeZone: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const mails: QueuedMail[] = [];
  for (const n of notifications) {
    const user = userById.get(n.userId);
    const team = teamById.get(n.teamId);
    if (!user || !team) continue;
    const zone = user.mailSettings?.timeZone ?? team.timeZone;
    const paragraphs = [`${team.name} · ${formatDateTime(now, zone)}`];
    if (n.moment) paragraphs.push(`${n.moment.label}: ${describeMoment(n.moment.at, zone, n.moment.timeZone)}`);
    mails.push({
      to: user.email,
      kind: n.kind,
      subject: `[${team.name}] ${n.message}`,
      teamId: team.id,
      userId: user.id,
      dedupeKey: `notification:${user.id}:${n.dedupeKey}`,
      unsubscribable: true,
      content: {
        heading: n.message,
        paragraphs,
        action: { label: "Open in Hindsight", url: `${publicOrigin()}${n.href}` },
        footnotes: ["You get this e-mail because of your notification settings in Hindsight (Account → Notifications)."],
      },
    });
  }
  return queueMail(tx, mails);
}
