import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireTeamContext } from "@/lib/teams/actor";
import { formatDateTime } from "@/lib/time/format";
import { describeAuditEvent } from "@/lib/audit/describe";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ after?: string }> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  // The log is for admins; for anyone else the page does not exist (the query would refuse too).
  if (!can(actor, "audit.read", { teamId: team.id })) notFound();
  const { after } = await searchParams;
  const page = await listAuditEvents(actor, team.id, after);
  return (
    <Card>
      <CardHeader title="Audit log" description="Who did what, and when. Kept for every change to the team." />
      {page.items.length === 0 ? (
        <div className="p-5">
          <EmptyState title="Nothing recorded yet" />
        </div>
      ) : (
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {page.items.map((event) => (
            <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3 text-sm">
              <p>
                <span className="font-medium">{event.actor?.name ?? "System"}</span> {describeAuditEvent(event.action, event.data)}
              </p>
              <time dateTime={event.createdAt.toISOString()} className="text-xs text-zinc-600 dark:text-zinc-400">
                {formatDateTime(event.createdAt, team.timeZone)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {(after || page.nextCursor) && (
        <div className="flex justify-between border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
          {after ? (
            <Link href={`/t/${team.slug}/settings/audit`} className={buttonClass("secondary", "sm")}>
              Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={`/t/${team.slug}/settings/audit?after=${page.nextCursor}`} className={buttonClass("secondary", "sm")}>
              Older
            </Link>
          )}
        </div>
      )}
    </Card>
  );
}
