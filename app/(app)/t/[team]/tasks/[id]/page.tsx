import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { Markdown } from "@/components/markdown/markdown";
import { DueLabel, PriorityBadge, TaskStatusBadge } from "@/components/tasks/badges";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { listMemberOptions } from "@/lib/teams/queries";
import { getTask } from "@/lib/tasks/queries";
import { TASK_STATUS_LABEL, TASK_TYPE_LABEL } from "@/lib/tasks/labels";
import { dueState, todayIn } from "@/lib/tasks/rules";
import { formatDateTime } from "@/lib/time/format";
import { StatusForm } from "./status-form";
import { InternalForm } from "./internal-form";
import { TaskEditForm } from "./task-edit-form";

export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { team, actor, user } = await requireTeamContext(slug);
  const task = await getTask(actor, team.id, id);
  if (!task) notFound();
  const members = await listMemberOptions(actor, team.id);
  const canEdit = can(actor, "task.update", { teamId: team.id });
  const awaiting = task.status !== "DONE" && task.completedAt !== null;
  const canVerify = awaiting && can(actor, "task.verify", { teamId: team.id, ownerId: task.ownerId });
  const today = todayIn(team.timeZone);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={`/t/${team.slug}/tasks`} className="hover:underline">Tasks</Link> /{" "}
        <Link href={`/t/${team.slug}/incidents/${task.incident.number}#tasks`} className="hover:underline">INC-{task.incident.number} {task.incident.title}</Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{task.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
          <PriorityBadge priority={task.priority} />
          <span>{TASK_TYPE_LABEL[task.type].label}</span>
          <TaskStatusBadge status={task.status} awaiting={awaiting} />
          <span>Owner: {task.owner?.name ?? "unassigned"}</span>
          <DueLabel due={task.dueDate} state={dueState(task.dueDate, task.status, today)} />
          {task.recurrenceEvery && task.recurrenceUnit && (
            <span>↻ every {task.recurrenceEvery} {task.recurrenceUnit.toLowerCase()} (occurrence {task.occurrence})</span>
          )}
          {task.externalUrl && (
            <a href={task.externalUrl} rel="noopener noreferrer" target="_blank" className="text-brand-600 underline dark:text-brand-500">
              {task.externalKey ?? "Tracker"} ↗
            </a>
          )}
        </div>
        {task.statusReason && <p className="mt-2 text-sm"><strong>{TASK_STATUS_LABEL[task.status]}:</strong> {task.statusReason}</p>}
        {task.verifiedBy && task.verifiedAt && (
          <p className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">Verified by {task.verifiedBy.name} on {formatDateTime(task.verifiedAt, team.timeZone)}.</p>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          {task.description && (
            <Card className="p-5">
              <Markdown>{task.description}</Markdown>
            </Card>
          )}
          {task.verificationCriteria && (
            <Card className="p-5 text-sm">
              <h2 className="font-semibold">How we know it worked</h2>
              <p className="mt-1">{task.verificationCriteria}</p>
              {awaiting && <p className="mt-2 text-violet-700 dark:text-violet-300">{task.owner?.name ?? "The owner"} marked it done; someone else now checks and verifies it.</p>}
            </Card>
          )}
          {task.sourceEvent && (
            <Card className="p-5 text-sm">
              <h2 className="font-semibold">From the timeline</h2>
              <blockquote className="mt-2 border-l-2 border-zinc-300 pl-3 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">
                <Markdown>{task.sourceEvent.body}</Markdown>
              </blockquote>
              <Link href={`/t/${team.slug}/incidents/${task.incident.number}`} className="mt-2 inline-block text-brand-600 underline dark:text-brand-500">
                Open the incident
              </Link>
            </Card>
          )}
          {task.occurrences.length > 1 && (
            <Card>
              <CardHeader title="Occurrences" description="Each one is created when the previous is done." />
              <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Occurrences">
                {task.occurrences.map((o) => (
                  <li key={o.id} className="flex items-center justify-between px-5 py-2">
                    <Link href={`/t/${team.slug}/tasks/${o.id}`} aria-current={o.id === task.id ? "page" : undefined} className="hover:underline">
                      #{o.occurrence} · due {o.dueDate ? o.dueDate.toISOString().slice(0, 10) : "—"}
                    </Link>
                    <TaskStatusBadge status={o.status} />
                  </li>
                ))}
              </ol>
            </Card>
          )}
          {canEdit && (
            <Card>
              <CardHeader title="Edit" />
              <div className="p-5">
                <TaskEditForm teamId={team.id} task={task} members={members} />
              </div>
            </Card>
          )}
        </div>
        <aside className="space-y-6">
          {canEdit ? (
            <Card>
              <CardHeader title="Status" />
              <div className="p-5">
                <StatusForm teamId={team.id} taskId={task.id} version={task.version} status={task.status} awaiting={awaiting} canVerify={canVerify} isOwner={task.ownerId === user.id} />
              </div>
            </Card>
          ) : null}
          {canEdit ? (
            <Card>
              <CardHeader title="Public postmortems" />
              <div className="p-5">
                <InternalForm teamId={team.id} taskId={task.id} internal={task.internal} />
              </div>
            </Card>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Your role ({actor.role.toLowerCase()}) can read this task but not change it.</p>
          )}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Created by {task.createdBy?.name ?? "a former member"} on {formatDateTime(task.createdAt, team.timeZone)}.
          </p>
        </aside>
      </div>
    </div>
  );
}
