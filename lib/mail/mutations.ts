import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "@/lib/audit/record";
import { preferencesFromForm, preferencesSchema } from "@/lib/mail/schema";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";

/** A user's own settings: nobody else's, so the session's user is the only authorisation needed. */
export async function savePreferences(userId: string, input: Record<string, unknown>): Promise<void> {
  const { channels, dailyDigest, timeZone, incidentSeverities } = parseInput(preferencesSchema, preferencesFromForm(input));
  await db().$transaction(async (tx) => {
    await tx.notificationPreference.deleteMany({ where: { userId } });
    await tx.notificationPreference.createMany({ data: Object.entries(channels).map(([kind, channel]) => ({ userId, kind, channel })) });
    await tx.mailSettings.upsert({
      where: { userId },
      create: { userId, dailyDigest, timeZone, incidentSeverities },
      update: { dailyDigest, timeZone, incidentSeverities },
    });
  });
}

/**
 * One-click unsubscribe (RFC 8058): the signed token names the user and the kind, no session
 * needed. The kind stays in the app (the bell); the digest is switched off. Idempotent.
 */
export async function unsubscribe(token: string): Promise<{ kind: string } | null> {
  const claim = readUnsubscribeToken(token);
  if (!claim) return null;
  const { userId, kind } = claim;
  const done = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return false;
    if (kind === "digest") {
      await tx.mailSettings.upsert({ where: { userId }, create: { userId, dailyDigest: false }, update: { dailyDigest: false } });
    } else {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, channel: "IN_APP" },
        // "Off" stays off; anything else stops e-mailing.
        update: {},
      });
      await tx.notificationPreference.updateMany({ where: { userId, kind, channel: "EMAIL" }, data: { channel: "IN_APP" } });
    }
    await recordAudit(tx, { teamId: null, actorId: userId, action: "user.unsubscribed", targetType: "user", targetId: userId, data: { kind } });
    return true;
  });
  return done ? { kind } : null;
}
