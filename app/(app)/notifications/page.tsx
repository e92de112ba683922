import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/shell/app-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { listMyTeams } from "@/lib/teams/queries";
import { listNotifications } from "@/lib/notifications/queries";
import { Moment } from "@/components/time/moment";
import { notificationLabel } from "@/lib/notifications/labels";
import { MarkAllRead } from "./mark-all-read";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser("/notifications");
  const { after } = await searchParams;
  const [teams, page] = await Promise.all([listMyTeams(user.id), listNotifications(user.id, after)]);
  return (
    <>
      <AppHeader user={user} teams={teams} />
      <main className="mx-auto max-w-3xl px-3 py-8 sm:px-6">
        <div className="mb-6 flex items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Mentions and replies, reviews asked of you and their outcome, and tasks given to you, due soon, overdue or waiting for your check. Opening one marks it read.</p>
          </div>
          {page.items.some((n) => !n.readAt) && <MarkAllRead />}
        </div>
        {page.items.length === 0 ? (
          <EmptyState title="You are all caught up" />
        ) : (
          <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800">
            {page.items.map((n) => (
              <li key={n.id} data-testid="notification" className={n.readAt ? "" : "bg-brand-50/60 dark:bg-brand-700/10"}>
                {/* A plain link: the route marks it read and follows it, so nothing is prefetched as "opened". */}
                <a href={`/notifications/${n.id}`} className="block px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 dark:hover:bg-zinc-800/50">
                  <p className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
                    {!n.readAt && <span className="mr-1.5 inline-block size-2 rounded-full bg-brand-600" />}
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    {notificationLabel(n.kind)}
                  </p>
                  <p className="mt-0.5 text-sm font-medium">{n.message}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">{n.team.name} · <Moment date={n.createdAt} timeZone={n.team.timeZone} withDate /></p>
                </a>
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor && (
          <div className="mt-4 flex justify-end">
            <Link className={buttonClass("secondary", "sm")} href={`/notifications?after=${page.nextCursor}`}>Older</Link>
          </div>
        )}
      </main>
    </>
  );
}
