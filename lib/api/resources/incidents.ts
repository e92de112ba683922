import { z } from "zod";
import { notFound } from "@/lib/errors";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { findIncidentId, listIncidents, type IncidentDetail, type IncidentListRow } from "@/lib/incidents/queries";
import { getIncidentDetail } from "@/lib/incidents/page-data";
import { declareIncidentSchema, incidentFiltersSchema, severitySchema, SORTS, statusSchema, updateIncidentSchema } from "@/lib/incidents/schema";
import type { Actor } from "@/lib/authz";
import { IncidentOrigin } from "@/lib/generated/prisma/enums";
import { defineEndpoint, type ApiTeam } from "@/lib/api/endpoint";
import { checkCursor, cursorParam, etag, incidentParams, iso, isoOrNull, many, pageOf, person, teamParams, timestamp, versionFrom } from "@/lib/api/resources/common";

const incidentSummary = z
  .object({
    id: z.string(),
    number: z.number().int(),
    title: z.string(),
    status: statusSchema,
    severity: severitySchema,
    timeZone: z.string().meta({ description: "The IANA zone the incident's times are shown in." }),
    startedAt: timestamp,
    resolvedAt: timestamp.nullable(),
    lastActivityAt: timestamp,
    usersAffectedPct: z.number().int().nullable(),
    commanderName: z.string().nullable(),
    services: z.array(z.string()),
  })
  .meta({ id: "IncidentSummary" });

const incident = z
  .object({
    id: z.string(),
    number: z.number().int(),
    version: z.number().int().meta({ description: "Send it back as If-Match when updating." }),
    title: z.string(),
    summary: z.string(),
    status: statusSchema,
    severity: severitySchema,
    origin: z.enum(IncidentOrigin).meta({ description: "How it was opened: in the app, from an alert, or through the API." }),
    timeZone: z.string(),
    impact: z.string(),
    usersAffectedPct: z.number().int().nullable(),
    rootCause: z.string(),
    resolution: z.string(),
    startedAt: timestamp,
    detectedAt: timestamp.nullable(),
    acknowledgedAt: timestamp.nullable(),
    mitigatedAt: timestamp.nullable(),
    resolvedAt: timestamp.nullable(),
    commander: person.nullable(),
    declaredBy: z.string().nullable(),
    lastEditedBy: z.string().nullable(),
    services: z.array(person),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Incident" });

const summaryOut = (row: IncidentListRow): z.input<typeof incidentSummary> => ({
  ...row,
  startedAt: iso(row.startedAt),
  resolvedAt: isoOrNull(row.resolvedAt),
  lastActivityAt: iso(row.lastActivityAt),
});

const detailOut = (i: IncidentDetail): z.input<typeof incident> => ({
  id: i.id,
  number: i.number,
  version: i.version,
  title: i.title,
  summary: i.summary,
  status: i.status,
  severity: i.severity,
  origin: i.origin,
  timeZone: i.timeZone,
  impact: i.impact,
  usersAffectedPct: i.usersAffectedPct,
  rootCause: i.rootCause,
  resolution: i.resolution,
  startedAt: iso(i.startedAt),
  detectedAt: isoOrNull(i.detectedAt),
  acknowledgedAt: isoOrNull(i.acknowledgedAt),
  mitigatedAt: isoOrNull(i.mitigatedAt),
  resolvedAt: isoOrNull(i.resolvedAt),
  commander: i.commander,
  declaredBy: i.declaredBy?.name ?? null,
  lastEditedBy: i.lastEditor?.name ?? null,
  services: i.services.map((s) => s.service),
  createdAt: iso(i.createdAt),
  updatedAt: iso(i.updatedAt),
});

/** The incident as the API shows it, with its version as ETag. */
export async function incidentResult(actor: Actor, team: ApiTeam, number: number, status = 200) {
  const found = await getIncidentDetail(actor, team.id, number);
  if (!found) throw notFound("This incident");
  return { status, json: detailOut(found), headers: { ETag: etag(found.version) } };
}

/** The incident's id from the number in the path, or 404. */
export async function incidentIdOf(actor: Actor, team: ApiTeam, number: number): Promise<string> {
  const id = await findIncidentId(actor, team.id, number);
  if (!id) throw notFound("This incident");
  return id;
}

const listQuery = z.object({
  status: many(statusSchema),
  severity: many(severitySchema),
  service: z.string().max(60).optional().meta({ description: "A service name (case-insensitive)." }),
  commander: z.string().max(64).optional().meta({ description: "The commander's user id." }),
  from: z.iso.date().optional().meta({ description: "Started on or after this day, in the team's zone." }),
  to: z.iso.date().optional().meta({ description: "Started on or before this day, in the team's zone." }),
  q: z.string().max(200).optional().meta({ description: "Full-text search over titles, write-ups, timelines and postmortems: words, \"phrases\", -excluded." }),
  sort: z.enum(SORTS).default("started").meta({ description: "Newest first by start, or by last activity." }),
  cursor: cursorParam,
});

export const listIncidentsEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/incidents",
  operationId: "listIncidents",
  tag: "Incidents",
  summary: "List incidents",
  description: "The team's incidents, newest first, 25 a page, with every filter and the search of the incident list.",
  access: "READ",
  params: teamParams,
  query: listQuery,
  response: { status: 200, description: "A page of incidents.", schema: pageOf(incidentSummary) },
  errors: [400],
  async run({ actor, team, query }) {
    const filters = incidentFiltersSchema.parse({ ...query, status: query.status ?? [], severity: query.severity ?? [], after: checkCursor(query.cursor) });
    const page = await listIncidents(actor, team.id, filters, team.timeZone);
    return { json: { data: page.items.map(summaryOut), nextCursor: page.nextCursor } };
  },
});

export const getIncidentEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/incidents/{number}",
  operationId: "getIncident",
  tag: "Incidents",
  summary: "Get an incident",
  description: "The incident with its key moments and write-ups. The ETag header carries its version.",
  access: "READ",
  params: incidentParams,
  response: { status: 200, description: "The incident.", schema: incident },
  errors: [400],
  async run({ actor, team, params }) {
    return incidentResult(actor, team, params.number);
  },
});

const createBody = declareIncidentSchema.omit({ teamId: true }).meta({ id: "NewIncident" });

export const createIncidentEndpoint = defineEndpoint({
  method: "POST",
  path: "/teams/{team}/incidents",
  operationId: "createIncident",
  tag: "Incidents",
  summary: "Declare an incident",
  description: "Declares an incident (recorded as opened through the API). Times are RFC 3339 with an offset; without one they are read in the incident's zone. Services are created when new.",
  access: "WRITE",
  params: teamParams,
  body: createBody,
  example: { title: "Checkout errors", severity: "SEV2", services: ["checkout"], startedAt: "2026-11-30T09:12:00Z" },
  response: { status: 201, description: "The new incident.", schema: incident },
  errors: [400, 403, 409, 413, 415, 422],
  async run({ actor, team, userId, input }) {
    const created = await declareIncident(userId, { ...input, teamId: team.id }, { origin: "API" });
    return incidentResult(actor, team, created.number, 201);
  },
});

const updateBody = updateIncidentSchema
  .omit({ teamId: true, incidentId: true, version: true })
  .extend({ version: z.number().int().min(1).optional().meta({ description: "The version you read; or send it as If-Match." }) })
  .meta({ id: "IncidentChanges" });

export const updateIncidentEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/teams/{team}/incidents/{number}",
  operationId: "updateIncident",
  tag: "Incidents",
  summary: "Update an incident",
  description:
    "Changes only the fields sent: title, write-ups, severity, status, commander, services and key moments (an empty string clears an optional moment). Send the version you read as `If-Match: \"<version>\"` (or `version`); if someone saved since, the answer is 409 naming who.",
  access: "WRITE",
  params: incidentParams,
  body: updateBody,
  example: { status: "MONITORING", mitigatedAt: "2026-11-30T09:40:00Z" },
  response: { status: 200, description: "The updated incident.", schema: incident },
  errors: [400, 403, 409, 412, 413, 415, 422],
  async run({ actor, team, userId, params, body, input, headers }) {
    const version = versionFrom(headers, body.version);
    const incidentId = await incidentIdOf(actor, team, params.number);
    await updateIncident(userId, { ...input, version, teamId: team.id, incidentId });
    return incidentResult(actor, team, params.number);
  },
});
