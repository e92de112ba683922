import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize, isInstanceAdmin, type Actor } from "@/lib/authz";
import { decodeCursor, toPage } from "@/lib/pagination";
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

export const OUTBOX_PAGE_SIZE = 50;

const listSelect = { id: true, toAddress: true, subject: true, kind: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true } as const;

/** Null scope: the whole instance (for instance admins only). Newest first, keyset on (createdAt, id). */
async function listOutbox(teamId: string | null, rawCursor?: string | null) {
  const cursor = decodeCursor(rawCursor);
  const at = cursor ? new Date(cursor.at) : null;
  const rows = await db().outgoingEmail.findMany({
    where: {
      ...(teamId ? { teamId } : {}),
      ...(cursor && at && !Number.isNaN(at.getTime()) ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE + 1,
    select: listSelect,
  });
  return toPage(rows, OUTBOX_PAGE_SIZE, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
}

/** A team's admins read the mails the team's activity caused (notifications, invites), never account mails. */
export async function listTeamOutbox(actor: Actor, teamId: string, rawCursor?: string | null) {
  authorize(actor, "mail.outbox.read", { teamId });
  return listOutbox(teamId, rawCursor);
}

export async function listInstanceOutbox(user: { email: string; emailVerified: boolean }, rawCursor?: string | null) {
  if (!isInstanceAdmin(user, env().INSTANCE_ADMINS)) throw new AppError("NOT_FOUND", "This page was not found.");
  return listOutbox(null, rawCursor);
}

const messageSelect = { ...listSelect, messageId: true, headers: true, text: true, html: true, nextAttemptAt: true } as const;

export async function teamOutboxMessage(actor: Actor, teamId: string, id: string) {
  authorize(actor, "mail.outbox.read", { teamId });
  return db().outgoingEmail.findFirst({ where: { id, teamId }, select: messageSelect });
}

export async function instanceOutboxMessage(user: { email: string; emailVerified: boolean }, id: string) {
  if (!isInstanceAdmin(user, env().INSTANCE_ADMINS)) throw new AppError("NOT_FOUND", "This page was not found.");
  return db().outgoingEmail.findUnique({ where: { id }, select: messageSelect });
}

export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>["items"][number];
export type OutboxMessage = NonNullable<Awaited<ReturnType<typeof teamOutboxMessage>>>;
