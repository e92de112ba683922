import { notFound } from "next/navigation";
import { can } from "@/lib/authz";
import type { TeamContext } from "@/lib/teams/actor";
import { listMemberOptions } from "@/lib/teams/queries";
import { getIncident } from "@/lib/incidents/queries";
import { listServices } from "@/lib/incidents/services";
import { listIncidentTasks } from "@/lib/tasks/queries";
import { getPostmortemStatus } from "@/lib/postmortems/queries";
import { findEvent, listEventsBefore, listLatestEvents, listStarredEvents, searchTimeline } from "@/lib/timeline/queries";
import { openIncidentStream } from "@/lib/incidents/live";
import { toEventData } from "@/lib/timeline/event-data";

export type IncidentPageOptions = { q?: string; taskFrom?: string };

/**
 * Everything the incident page reads, in one place so its statements can be counted: the incident,
 * then in parallel the newest events (or a search's matches), the newest starred ones, members,
 * services, tasks and the postmortem's status. `since` is taken before the events are read, so a
 * live viewer catches up on anything written while the page rendered.
 */
export async function loadIncidentPage({ team, actor }: Pick<TeamContext, "team" | "actor">, number: number, { q, taskFrom }: IncidentPageOptions = {}) {
  const incident = await getIncident(actor, team.id, number);
  if (!incident) notFound();
  const since = Date.now();
  const query = q?.trim() ? q.trim().slice(0, 200) : undefined;
  const [slice, starred, members, services, tasks, postmortem, fromEvent] = await Promise.all([
    query ? searchTimeline(actor, team.id, incident.id, query) : listLatestEvents(actor, team.id, incident.id),
    query ? null : listStarredEvents(actor, team.id, incident.id),
    listMemberOptions(actor, team.id),
    listServices(actor, team.id),
    listIncidentTasks(actor, team.id, incident.id),
    getPostmortemStatus(actor, team.id, incident.id),
    taskFrom && can(actor, "task.create", { teamId: team.id }) ? findEvent(actor, team.id, incident.id, taskFrom) : null,
  ]);
  const shown = new Set(slice.entries.map((e) => e.id));
  const first = slice.entries[0];
  const starredEarlier = (starred?.entries ?? []).filter((e) => !shown.has(e.id) && first && e.occurredAt.getTime() <= first.occurredAt.getTime());
  return {
    incident,
    since,
    query,
    timeline: { events: slice.entries.map(toEventData), earlier: slice.earlier, starredEarlier: starredEarlier.map(toEventData) },
    members,
    services,
    tasks,
    postmortem,
    fromEvent,
  };
}

export type IncidentPageData = Awaited<ReturnType<typeof loadIncidentPage>>;

/** "Show earlier events": the events (or search matches) before a cursor, for a signed-in member who may read the incident. */
export async function loadEarlierEvents(userId: string, slug: string, number: number, before: string, q?: string) {
  const { teamId, incidentId, actor } = await openIncidentStream(userId, slug, number);
  const query = q?.trim() ? q.trim().slice(0, 200) : undefined;
  const slice = query ? await searchTimeline(actor, teamId, incidentId, query, before) : await listEventsBefore(actor, teamId, incidentId, before);
  return { events: slice.entries.map(toEventData), earlier: slice.earlier };
}
