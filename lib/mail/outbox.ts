import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { renderMail, type MailContent } from "@/lib/mail/render";
import { mailFrom } from "@/lib/mail/transport";
import { unsubscribeHeaders, unsubscribeToken, unsubscribeUrl } from "@/lib/mail/unsubscribe";

export const MAIL_CHANNEL = "hindsight_mail";

export type QueuedMail = {
  to: string;
  /** What the mail is about: "account.verify", "invite", or a notification kind ("review.requested"). */
  kind: string;
  subject: string;
  content: MailContent;
  /** Mails caused by a team's activity are readable by that team's admins. */
  teamId?: string | null;
  /** The recipient's account, when they have one. */
  userId?: string | null;
  /** Queued once per key, however often the cause runs. */
  dedupeKey?: string;
  /** Adds one-click unsubscribe from this kind for this user (notifications only, never account mails). */
  unsubscribable?: boolean;
};

/** The bare address of MAIL_FROM ("Hindsight <a@b>" → "a@b"). */
export function fromAddress(): string {
  const from = mailFrom();
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

function messageId(): string {
  const domain = fromAddress().split("@")[1] || "hindsight.localhost";
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Writes mails into the outbox inside the caller's transaction, so they exist exactly when the
 * change that caused them commits; the worker is woken by a NOTIFY that Postgres also delivers
 * only on commit. Returns how many were queued (a repeated dedupe key is skipped).
 */
export async function queueMail(tx: Tx, mails: QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const data = mails.map((mail) => {
    const token = mail.unsubscribable && mail.userId ? unsubscribeToken(mail.userId, mail.kind) : null;
    const { html, text } = renderMail({ ...mail.content, unsubscribeUrl: token ? unsubscribeUrl(token) : undefined });
    return {
      messageId: messageId(),
      teamId: mail.teamId ?? null,
      userId: mail.userId ?? null,
      dedupeKey: mail.dedupeKey ?? null,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      text,
      html,
      headers: token ? unsubscribeHeaders(token, fromAddress()) : {},
    };
  });
  const { count } = await tx.outgoingEmail.createMany({ data, skipDuplicates: true });
  if (count > 0) await tx.$executeRaw`SELECT pg_notify(${MAIL_CHANNEL}, 'queued')`;
  return count;
}
