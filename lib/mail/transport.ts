import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type SendableMail = {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  date: Date;
};

/** Hands one message to a mail server; throws when the server did not accept it. */
export type Sender = (mail: SendableMail) => Promise<void>;

export const DEFAULT_FROM = "Hindsight <hindsight@localhost>";

export function mailFrom(): string {
  return env().MAIL_FROM ?? DEFAULT_FROM;
}

const transporters = new Map<string, Transporter>();

// Pooled: a batch reuses a few connections instead of a handshake per message. Bounded waits: a
// dead mail server must fail the attempt (and be retried later), not hang the job. Nodemailer
// reads these from the URL's query, where an operator may also set them.
const DEFAULTS: Record<string, string> = { pool: "true", maxConnections: "4", connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

function withDefaults(url: string): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(DEFAULTS)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** A sender for an smtp:// or smtps:// URL (nodemailer reads host, port, TLS and credentials from it). */
export function smtpSender(url: string, from: string = mailFrom()): Sender {
  let transporter = transporters.get(url);
  if (!transporter) {
    transporter = nodemailer.createTransport(withDefaults(url));
    transporters.set(url, transporter);
  }
  const t = transporter;
  return async (mail) => {
    await t.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: mail.headers, date: mail.date });
  };
}

/** The configured sender, or null when SMTP_URL is unset and mail stays in the outbox. */
export function configuredSender(): Sender | null {
  const url = env().SMTP_URL;
  return url ? smtpSender(url) : null;
}
