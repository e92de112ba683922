import { db } from "@/lib/db";
import type { Sender } from "@/lib/mail/transport";

export const KEPT_MESSAGE = "kept in outbox (no SMTP configured)";
export const MAX_ATTEMPTS = 8;
/** A claimed message is due again after this long, so a worker that died mid-send loses nothing. */
export const LEASE_MS = 5 * 60_000;

/** 30 s, 2 min, 8 min, 32 min, ~2 h, then 6 h: eight attempts span about a day. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 4 ** (attempt - 1), 6 * 60 * 60_000);
}

type Claimed = { id: string; messageId: string; toAddress: string; subject: string; text: string; html: string; headers: Record<string, string>; createdAt: Date; attempts: number };

export type DeliveryResult = { sent: number; kept: number; retried: number; failed: number };

/** Claims due messages: each is leased to this run, so parallel workers never take the same one. */
async function claim(now: Date, limit: number): Promise<Claimed[]> {
  return db().$queryRaw<Claimed[]>`
    UPDATE "OutgoingEmail" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "OutgoingEmail" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "messageId", "toAddress", "subject", "text", "html", "headers", "createdAt", "attempts"`;
}

async function deliverOne(mail: Claimed, sender: Sender | null, now: Date, result: DeliveryResult): Promise<void> {
  if (!sender) {
    await db().outgoingEmail.update({ where: { id: mail.id }, data: { status: "KEPT", lastError: KEPT_MESSAGE } });
    console.log(`mail: ${KEPT_MESSAGE}: "${mail.subject}" to ${mail.toAddress} (${mail.id})`);
    result.kept++;
    return;
  }
  try {
    await sender({ messageId: mail.messageId, to: mail.toAddress, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, date: mail.createdAt });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const final = mail.attempts >= MAX_ATTEMPTS;
    await db().outgoingEmail.update({
      where: { id: mail.id },
      data: final ? { status: "FAILED", lastError: message } : { lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)) },
    });
    if (final) result.failed++;
    else result.retried++;
    return;
  }
  await db().outgoingEmail.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
  result.sent++;
}

/**
 * Delivers what is due: at least once (a crash between the server's "250 OK" and our update sends
 * it again, with the same Message-ID), retried with backoff, every attempt and error recorded.
 * Without a sender (no SMTP_URL) messages are marked kept, to be read in the app.
 */
export async function deliverOutbox(sender: Sender | null, now: Date = new Date(), batch = 50): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, kept: 0, retried: 0, failed: 0 };
  for (;;) {
    const due = await claim(now, batch);
    if (due.length === 0) return result;
    // The pooled transport queues these over its few connections.
    await Promise.all(due.map((mail) => deliverOne(mail, sender, now, result)));
    if (due.length < batch) return result;
  }
}
