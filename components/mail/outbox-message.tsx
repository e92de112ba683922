import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { OutboxMessage } from "@/lib/mail/queries";
import { formatDateTime } from "@/lib/time/format";
import { OutboxStatus } from "@/components/mail/outbox-status";

/** One message as its recipient gets it: the HTML part as it renders, the text part below. */
export function OutboxMessageView({ mail, backHref, timeZone }: { mail: OutboxMessage; backHref: string; timeZone: string }) {
  const headers = Object.entries((mail.headers ?? {}) as Record<string, string>);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={backHref} className="text-brand-600 underline-offset-2 hover:underline dark:text-brand-500">
          Back to the outbox
        </Link>
      </p>
      <Card>
        <CardHeader title={mail.subject} description={`To ${mail.toAddress}`} actions={<OutboxStatus status={mail.status} attempts={mail.attempts} />} />
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 px-5 py-4 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">Queued</dt>
          <dd>{formatDateTime(mail.createdAt, timeZone)}</dd>
          {mail.sentAt && (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">Sent</dt>
              <dd>{formatDateTime(mail.sentAt, timeZone)}</dd>
            </>
          )}
          <dt className="text-zinc-600 dark:text-zinc-400">Attempts</dt>
          <dd>{mail.attempts}</dd>
          {mail.lastError && (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">Last result</dt>
              <dd className="break-words">{mail.lastError}</dd>
            </>
          )}
          <dt className="text-zinc-600 dark:text-zinc-400">Message-ID</dt>
          <dd className="font-mono text-xs break-all">{mail.messageId}</dd>
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
              <dd className="font-mono text-xs break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card>
        <CardHeader title="HTML part" />
        {/* Our own markup from renderMail, which escapes every user text; the page's nonce-based CSP
            would stop any script in it anyway. A frame is not an option: the app may not be framed. */}
        <div className="overflow-x-auto rounded-b-xl bg-zinc-100 text-zinc-900" dangerouslySetInnerHTML={{ __html: mail.html }} />
      </Card>
      <Card>
        <CardHeader title="Plain-text part" />
        <pre className="overflow-x-auto px-5 py-4 text-sm whitespace-pre-wrap">{mail.text}</pre>
      </Card>
    </div>
  );
}
