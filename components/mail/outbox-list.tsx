import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import type { OutboxRow } from "@/lib/mail/queries";
import { formatDateTime } from "@/lib/time/format";
import { OutboxStatus } from "@/components/mail/outbox-status";

type Props = { page: Page<OutboxRow>; basePath: string; after?: string; timeZone: string; description: string; smtpConfigured: boolean };

export function OutboxList({ page, basePath, after, timeZone, description, smtpConfigured }: Props) {
  return (
    <Card>
      <CardHeader
        title="E-mail outbox"
        description={`${description} ${smtpConfigured ? "Mail is sent through the configured SMTP server." : "No SMTP server is configured (SMTP_URL), so mail stays here: open a message to read it."}`}
      />
      {page.items.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No e-mail yet">Invitations, review requests and other notifications appear here once they are sent.</EmptyState>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                <th scope="col" className="px-5 py-2 font-medium">Recipient</th>
                <th scope="col" className="px-3 py-2 font-medium">Subject</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-5 py-2 font-medium">Queued</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {page.items.map((mail) => (
                <tr key={mail.id}>
                  <td className="px-5 py-2 break-all">{mail.toAddress}</td>
                  <td className="px-3 py-2">
                    <Link href={`${basePath}/${mail.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500">
                      {mail.subject}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <OutboxStatus status={mail.status} attempts={mail.attempts} />
                  </td>
                  <td className="px-5 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <time dateTime={mail.createdAt.toISOString()}>{formatDateTime(mail.createdAt, timeZone)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(after || page.nextCursor) && (
        <div className="flex justify-between border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
          {after ? (
            <Link href={basePath} className={buttonClass("secondary", "sm")}>
              Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={`${basePath}?after=${page.nextCursor}`} className={buttonClass("secondary", "sm")}>
              Older
            </Link>
          )}
        </div>
      )}
    </Card>
  );
}
