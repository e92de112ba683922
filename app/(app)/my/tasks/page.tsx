import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/shell/app-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { TaskList } from "@/components/tasks/task-list";
import { requireUser } from "@/lib/auth/current-user";
import { loadUserShell } from "@/lib/teams/actor";
import { listMyTasks } from "@/lib/tasks/queries";
import { todayIn } from "@/lib/tasks/rules";

export const metadata: Metadata = { title: "My tasks" };

export default async function MyTasksPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser("/my/tasks");
  const { after } = await searchParams;
  const [shell, page] = await Promise.all([loadUserShell(user.id), listMyTasks(user.id, after)]);
  return (
    <>
      <AppHeader user={user} teams={shell.teams} unread={shell.unread} />
      <main className="mx-auto max-w-5xl px-3 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">My tasks</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">Open tasks you own, in every team, soonest due first.</p>
        {page.items.length === 0 ? (
          <EmptyState title={after ? "No more tasks" : "Nothing assigned to you"}>When someone gives you a task on an incident, it shows up here until it is done.</EmptyState>
        ) : (
          <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
            <TaskList tasks={page.items} today={todayIn("UTC")} showIncident label="My tasks" />
            {page.nextCursor && (
              <div className="flex justify-end border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
                <Link className={buttonClass("secondary", "sm")} href={`/my/tasks?after=${page.nextCursor}`}>Next page</Link>
              </div>
            )}
          </div>
        )}
      </main>
    </>
  );
}
