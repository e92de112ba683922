import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { TaskList } from "@/components/tasks/task-list";
import { ChipGroup } from "@/components/ui/chip-group";
import { requireTeamContext } from "@/lib/teams/actor";
import { listMemberOptions } from "@/lib/teams/queries";
import { listTeamTasks } from "@/lib/tasks/queries";
import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { TASK_STATUSES, taskFiltersSchema } from "@/lib/tasks/schema";
import { TASK_TYPES } from "@/lib/tasks/fields";
import { normalizeSearchParams, toQueryString, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Tasks" };

export default async function TaskBoardPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<RawSearchParams> }) {
  const { team, actor } = await requireTeamContext((await params).team);
  const filters = taskFiltersSchema.parse(normalizeSearchParams(await searchParams, ["status", "type"]));
  const [page, members] = await Promise.all([listTeamTasks(actor, team.id, filters, team.timeZone), listMemberOptions(actor, team.id)]);
  const base = `/t/${team.slug}/tasks`;
  const { after, ...current } = filters;
  return (
    <>
      <PageHeader title="Tasks" description="Every corrective and preventive action, until it is done. Open tasks unless you pick statuses." />
      <form method="get" action={base} role="search" className="mb-6 space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <div className="flex flex-wrap gap-4">
          <ChipGroup legend="Status" name="status" options={TASK_STATUSES.map((v) => ({ value: v, label: TASK_STATUS_LABEL[v] }))} selected={filters.status} />
          <ChipGroup legend="Type" name="type" options={TASK_TYPES.map((v) => ({ value: v, label: TASK_TYPE_LABEL[v].label }))} selected={filters.type} />
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="filter-owner" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Owner</label>
            <select id="filter-owner" name="owner" defaultValue={filters.owner ?? ""} className={`${inputClass} w-44`}>
              <option value="">Anyone</option>
              <option value="none">Unassigned</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-due" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Due</label>
            <select id="filter-due" name="due" defaultValue={filters.due ?? ""} className={`${inputClass} w-40`}>
              <option value="">Any time</option>
              <option value="overdue">Overdue</option>
              <option value="week">This week</option>
              <option value="later">Later</option>
              <option value="none">No due date</option>
            </select>
          </div>
          <div>
            <label htmlFor="filter-incident" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">Incident number</label>
            <input id="filter-incident" name="incident" inputMode="numeric" defaultValue={filters.incident?.toString() ?? ""} placeholder="42" className={`${inputClass} w-28`} />
          </div>
          <Button type="submit">Apply</Button>
          <Link href={base} className="px-2 py-2 text-sm text-zinc-600 hover:underline dark:text-zinc-400">Clear</Link>
        </div>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={after ? "No more tasks" : "No tasks match"}>Tasks are added from an incident page — the promises of its postmortem, each with an owner and a date.</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <TaskList tasks={page.items} slug={team.slug} today={page.today} showIncident label="Tasks" />
          {(after || page.nextCursor) && (
            <nav aria-label="Pages" className="flex justify-between border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
              {after ? <Link className={buttonClass("secondary", "sm")} href={`${base}${toQueryString({ ...current, incident: current.incident?.toString() })}`}>First page</Link> : <span />}
              {page.nextCursor && (
                <Link className={buttonClass("secondary", "sm")} href={`${base}${toQueryString({ ...current, incident: current.incident?.toString(), after: page.nextCursor })}`}>Next page</Link>
              )}
            </nav>
          )}
        </div>
      )}
    </>
  );
}
