import { db } from "@/lib/db";
import { DEFAULT_CHANNEL, NOTIFICATION_KINDS, type Channel } from "@/lib/mail/kinds";

export async function loadPreferences(userId: string) {
  const [rows, settings] = await Promise.all([
    db().notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true } }),
    db().mailSettings.findUnique({ where: { userId }, select: { timeZone: true, dailyDigest: true, incidentSeverities: true } }),
  ]);
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return {
    channels: NOTIFICATION_KINDS.map((k) => ({ ...k, channel: (chosen.get(k.kind) ?? DEFAULT_CHANNEL) as Channel })),
    timeZone: settings?.timeZone ?? null,
    dailyDigest: settings?.dailyDigest ?? false,
    incidentSeverities: settings?.incidentSeverities ?? [],
  };
}
