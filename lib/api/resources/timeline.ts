import { z } from "zod";
import { notFound } from "@/lib/errors";
import { EventSource, TimelineKind } from "@/lib/generated/prisma/enums";
import { addEvent } from "@/lib/timeline/mutations";
import { getEvent, listEventsBefore, listLatestEvents, TIMELINE_PAGE, type TimelineEntry } from "@/lib/timeline/queries";
import { addEventSchema } from "@/lib/timeline/schema";
import { defineEndpoint } from "@/lib/api/endpoint";
import { incidentIdOf } from "@/lib/api/resources/incidents";
import { checkCursor, cursorParam, incidentParams, iso, pageOf, person, timestamp } from "@/lib/api/resources/common";

const timelineEvent = z
  .object({
    id: z.string(),
    kind: z.enum(TimelineKind),
    body: z.string().meta({ description: "Markdown." }),
    source: z.enum(EventSource).meta({ description: "USER for what people wrote; SYSTEM for changes the app recorded." }),
    starred: z.boolean(),
    internal: z.boolean(),
    version: z.number().int(),
    occurredAt: timestamp,
    createdAt: timestamp,
    updatedAt: timestamp,
    author: person.nullable(),
  })
  .meta({ id: "TimelineEvent" });

const eventOut = (e: TimelineEntry): z.input<typeof timelineEvent> => ({
  id: e.id,
  kind: e.kind,
  body: e.body,
  source: e.source,
  starred: e.starred,
  internal: e.internal,
  version: e.version,
  occurredAt: iso(e.occurredAt),
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
  author: e.author,
});

export const listEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/incidents/{number}/events",
  operationId: "listTimelineEvents",
  tag: "Timeline",
  summary: "List timeline events",
  description: `The incident's timeline, ${TIMELINE_PAGE} events a page, starting from the latest; each page is in time order and \`nextCursor\` goes further back.`,
  access: "READ",
  params: incidentParams,
  query: z.object({ cursor: cursorParam }),
  response: { status: 200, description: "A page of events, oldest first.", schema: pageOf(timelineEvent) },
  errors: [400],
  async run({ actor, team, params, query }) {
    const incidentId = await incidentIdOf(actor, team, params.number);
    const cursor = checkCursor(query.cursor);
    const slice = cursor ? await listEventsBefore(actor, team.id, incidentId, cursor) : await listLatestEvents(actor, team.id, incidentId, TIMELINE_PAGE);
    return { json: { data: slice.entries.map(eventOut), nextCursor: slice.earlier } };
  },
});

export const createEventEndpoint = defineEndpoint({
  method: "POST",
  path: "/teams/{team}/incidents/{number}/events",
  operationId: "createTimelineEvent",
  tag: "Timeline",
  summary: "Add a timeline event",
  description: "Adds what happened, when (default: now). Times are RFC 3339; without an offset they are read in the incident's zone.",
  access: "WRITE",
  params: incidentParams,
  body: addEventSchema.omit({ teamId: true, incidentId: true }).meta({ id: "NewTimelineEvent" }),
  example: { kind: "ACTION", body: "Rolled back deploy 1432.", occurredAt: "2026-11-30T09:30:00Z" },
  response: { status: 201, description: "The new event.", schema: timelineEvent },
  errors: [400, 403, 413, 415, 422],
  async run({ actor, team, userId, params, input }) {
    const incidentId = await incidentIdOf(actor, team, params.number);
    const created = await addEvent(userId, { ...input, teamId: team.id, incidentId });
    const event = await getEvent(actor, team.id, created.id);
    if (!event) throw notFound("This event");
    return { status: 201, json: eventOut(event) };
  },
});
