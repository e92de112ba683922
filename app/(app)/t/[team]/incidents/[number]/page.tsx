import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { Markdown } from "@/components/markdown/markdown";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { loadIncidentPage } from "@/lib/incidents/page-data";
import { formatIncidentNumber } from "@/lib/incidents/labels";
import type { EventData } from "@/lib/timeline/event-data";
import { dayKey } from "@/lib/time/zoned";
import { timeZoneNames } from "@/lib/time/zones";
import { cx } from "@/components/ui/cx";
import { DurationStrip } from "./duration-strip";
import { StatusControl } from "./status-control";
import { DetailsForm } from "./details-form";
import { KeyMomentsForm } from "./key-moments-form";
import { AddEventForm } from "./add-event-form";
import { TimelineView } from "./timeline-view";
import { TimelineSearch } from "./timeline-search";
import { LiveStatus } from "@/components/timeline/live-status";
import { renderedBody } from "@/components/timeline/rendered-bodies";
import { TasksPanel } from "./tasks-panel";
import { todayIn } from "@/lib/tasks/rules";

type Params = { team: string; number: string };
type SearchParams = { view?: string; taskFrom?: string; q?: string };

export async function generateMetadata({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { team: slug, number } = await params;
  const { q, taskFrom } = await searchParams;
  const { incident } = await loadIncidentPage(await requireTeamContext(slug), Number(number), q, taskFrom);
  return { title: `${formatIncidentNumber(incident.number)} ${incident.title}` };
}

/** The first line of an event, without Markdown markers, as a task title. */
function taskTitleFrom(body: string): string {
  const line = body.split("\n").find((l) => l.trim()) ?? body;
  return line.replace(/[*_`#>[\]]/g, "").trim().slice(0, 200);
}

/** Each event's body rendered on the server (once per version, then kept), so the browser receives it ready. */
function renderBodies(events: EventData[]): Record<string, React.ReactNode> {
  return Object.fromEntries(events.map((e) => {
    const key = `${e.id}@${e.updatedAt}`;
    return [key, renderedBody(key, e.body, e.source === "SYSTEM")];
  }));
}

/**
 * The day a time typed alone is read on: a back-filled incident's last recorded day (or its start),
 * so entering yesterday's outage needs only times; today while the incident is happening.
 */
function backFillDay(events: EventData[], startedAt: Date, timeZone: string): string | undefined {
  const anchor = events.filter((e) => e.source !== "SYSTEM").reduce<Date>((latest, e) => (new Date(e.occurredAt) > latest ? new Date(e.occurredAt) : latest), startedAt);
  return Date.now() - anchor.getTime() > BACK_FILL_AFTER_MS ? dayKey(anchor, timeZone) : undefined;
}

const BACK_FILL_AFTER_MS = 12 * 60 * 60 * 1000;

export default async function IncidentPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const { team: slug, number } = await params;
  const context = await requireTeamContext(slug);
  const { team, actor, user } = context;
  const { view, taskFrom, q } = await searchParams;
  const compact = view === "list";
  const { incident, since, query, timeline, members, services, tasks, postmortem, fromEvent } = await loadIncidentPage(context, Number(number), q, taskFrom);
  const canAddTask = can(actor, "task.create", { teamId: team.id });
  const canEdit = can(actor, "incident.update", { teamId: team.id });
  const canAdd = can(actor, "timeline.create", { teamId: team.id });
  const base = `/t/${team.slug}/incidents/${incident.number}`;
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/t/${team.slug}/incidents`} className="hover:underline">Incidents</Link> / <span className="font-mono">{formatIncidentNumber(incident.number)}</span>
        </nav>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{incident.title}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
              <SeverityBadge severity={incident.severity} />
              <StatusBadge status={incident.status} />
              <span>IC {incident.commander?.name ?? "unassigned"}</span>
              {incident.services.length > 0 && <span>· {incident.services.map((s) => s.service.name).join(", ")}</span>}
              {incident.usersAffectedPct !== null && <span>· {incident.usersAffectedPct}% of users affected</span>}
              <LiveStatus url={`${base}/live`} since={since} />
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`${base}/postmortem`} className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
              {postmortem ? "Postmortem" : "Start postmortem"}
            </Link>
            {canEdit && <StatusControl teamId={team.id} incidentId={incident.id} version={incident.version} status={incident.status} />}
          </div>
        </div>
      </div>

      <DurationStrip incident={incident} />

      {(incident.summary || incident.impact) && (
        <div className="grid gap-4 md:grid-cols-2">
          {incident.summary && (
            <Card className="p-5">
              <h2 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">Summary</h2>
              <Markdown>{incident.summary}</Markdown>
            </Card>
          )}
          {incident.impact && (
            <Card className="p-5">
              <h2 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">Impact</h2>
              <Markdown>{incident.impact}</Markdown>
            </Card>
          )}
        </div>
      )}

      <TasksPanel
        tasks={tasks}
        slug={team.slug}
        today={todayIn(team.timeZone)}
        teamId={team.id}
        incidentId={incident.id}
        members={members}
        canAdd={canAddTask}
        from={fromEvent ? { eventId: fromEvent.id, title: taskTitleFrom(fromEvent.body) } : undefined}
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-labelledby="timeline-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="timeline-heading" className="text-lg font-semibold">Timeline</h2>
            <TimelineSearch action={base} query={query} compact={compact} />
            <div className="inline-flex rounded-md bg-zinc-100 p-0.5 text-sm dark:bg-zinc-800" role="group" aria-label="Timeline view">
              <Link href={base} aria-current={!compact ? "true" : undefined} className={cx("rounded px-2.5 py-1", !compact && "bg-white font-medium shadow-sm dark:bg-zinc-950")}>Timeline</Link>
              <Link href={`${base}?view=list`} aria-current={compact ? "true" : undefined} className={cx("rounded px-2.5 py-1", compact && "bg-white font-medium shadow-sm dark:bg-zinc-950")}>Compact</Link>
            </div>
          </div>
          {canAdd && <AddEventForm teamId={team.id} incidentId={incident.id} timeZone={incident.timeZone} defaultDay={backFillDay(timeline.events, incident.startedAt, incident.timeZone)} />}
          <TimelineView
            key={query ?? ""}
            seed={{ ...timeline, bodies: renderBodies([...timeline.events, ...timeline.starredEarlier]) }}
            timeZone={incident.timeZone}
            teamId={team.id}
            compact={compact}
            viewer={actor}
            taskLink={canAddTask ? `${base}?taskFrom=` : undefined}
            live={{ url: `${base}/live`, since, factsVersion: incident.version }}
            eventsUrl={`${base}/events`}
            query={query}
          />
        </section>

        <aside className="space-y-6">
          {canEdit ? (
            <>
              <Card>
                <CardHeader title="Key moments" description="Drive the durations above. Editable afterwards." />
                <div className="render-when-near p-5">
                  <KeyMomentsForm teamId={team.id} incident={incident} />
                </div>
              </Card>
              <Card>
                <CardHeader title="Details" />
                <div className="render-when-near p-5">
                  <DetailsForm
                    teamId={team.id}
                    incident={incident}
                    members={members}
                    services={services.map((s) => s.name)}
                    zones={timeZoneNames()}
                  />
                </div>
              </Card>
            </>
          ) : (
            <Card className="space-y-3 p-5 text-sm">
              <p className="text-zinc-600 dark:text-zinc-400">You can read this incident; your role ({actor.role.toLowerCase()}) cannot change it.</p>
              {incident.rootCause && (<div><h2 className="font-semibold">Root cause</h2><Markdown>{incident.rootCause}</Markdown></div>)}
              {incident.resolution && (<div><h2 className="font-semibold">Resolution</h2><Markdown>{incident.resolution}</Markdown></div>)}
            </Card>
          )}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Declared by {incident.declaredBy?.name ?? "a former member"}. Last change by {incident.lastEditor?.name ?? "someone"}. You are {user.name}.
          </p>
        </aside>
      </div>
    </div>
  );
}
