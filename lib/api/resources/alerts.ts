import { z } from "zod";
import { notFound } from "@/lib/errors";
import { AlertAuthMode, AlertFormat, AlertStatus } from "@/lib/generated/prisma/enums";
import { ALERT_PAGE_SIZE, getAlert, getAlertSourceSummary, listAlerts, listAlertSources, type AlertListRow } from "@/lib/alerts/queries";
import { ALERT_STATUSES, alertFiltersSchema } from "@/lib/alerts/schema";
import { defineEndpoint } from "@/lib/api/endpoint";
import { checkCursor, cursorParam, iso, isoOrNull, pageOf, teamParams, timestamp } from "@/lib/api/resources/common";

const id = z.string().min(1).max(64);
const stringMap = z.record(z.string(), z.string());
const link = z.object({ href: z.string(), text: z.string() });

const sourceRef = z.object({ id: z.string(), name: z.string(), format: z.enum(AlertFormat) });
const incidentRef = z.object({ number: z.number().int(), title: z.string().optional() }).nullable().meta({ description: "The incident the alert is on; null while in triage." });

const alertFields = {
  id: z.string(),
  title: z.string(),
  status: z.enum(AlertStatus),
  severity: z.string().meta({ description: "As the source sent it (e.g. critical, warning); empty when it sent none." }),
  count: z.number().int().meta({ description: "How many deliveries reported this alert while it was open." }),
  startsAt: timestamp,
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  endsAt: timestamp.nullable(),
  labels: stringMap,
  source: sourceRef,
  incident: incidentRef,
};

const alertSummary = z
  .object({ ...alertFields, payload: z.string().meta({ description: "The start of the latest payload (8 KB); the alert itself has all of it." }) })
  .meta({ id: "AlertSummary" });

const alert = z
  .object({
    ...alertFields,
    dedupKey: z.string(),
    annotations: stringMap,
    links: z.array(link),
    generatorURL: z.string().nullable(),
    payload: z.string().meta({ description: "The latest payload, pretty-printed JSON, cut at 64 KB when stored." }),
  })
  .meta({ id: "Alert" });

const alertSource = z
  .object({
    id: z.string(),
    name: z.string(),
    format: z.enum(AlertFormat),
    authMode: z.enum(AlertAuthMode),
    enabled: z.boolean(),
    lastDeliveryAt: timestamp.nullable(),
    previousSecretExpiresAt: timestamp.nullable().meta({ description: "Until then the secret before the last rotation still works." }),
  })
  .meta({ id: "AlertSource" });

const alertSourceDetail = alertSource.extend({ version: z.number().int(), createdAt: timestamp }).meta({ id: "AlertSourceDetail" });

/** Labels and annotations are stored as JSON objects of strings; anything else is left out rather than guessed. */
function strings(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function links(value: unknown): z.input<typeof link>[] {
  return Array.isArray(value) ? value.flatMap((l) => (link.safeParse(l).success ? [link.parse(l)] : [])) : [];
}

type AlertCore = Pick<AlertListRow, "id" | "title" | "status" | "severity" | "count" | "startsAt" | "firstSeenAt" | "lastSeenAt" | "endsAt" | "payload"> & { labels: unknown };

/** The fields a listed alert and a single alert share. */
const coreOut = (a: AlertCore) => ({
  id: a.id,
  title: a.title,
  status: a.status,
  severity: a.severity,
  count: a.count,
  startsAt: iso(a.startsAt),
  firstSeenAt: iso(a.firstSeenAt),
  lastSeenAt: iso(a.lastSeenAt),
  endsAt: isoOrNull(a.endsAt),
  labels: strings(a.labels),
  payload: a.payload,
});

const summaryOut = (a: AlertListRow): z.input<typeof alertSummary> => ({
  ...coreOut(a),
  source: { id: a.sourceId, name: a.sourceName, format: a.sourceFormat },
  incident: a.incidentNumber === null ? null : { number: a.incidentNumber },
});

type SourceRow = { id: string; name: string; format: AlertFormat; authMode: AlertAuthMode; enabled: boolean; lastDeliveryAt: Date | null; previousExpiresAt: Date | null };

const sourceOut = (s: SourceRow): z.input<typeof alertSource> => ({
  id: s.id,
  name: s.name,
  format: s.format,
  authMode: s.authMode,
  enabled: s.enabled,
  lastDeliveryAt: isoOrNull(s.lastDeliveryAt),
  previousSecretExpiresAt: isoOrNull(s.previousExpiresAt),
});

const listQuery = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  source: id.optional().meta({ description: "An alert source's id." }),
  cursor: cursorParam,
});

export const listAlertsEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/alerts",
  operationId: "listAlerts",
  tag: "Alerts",
  summary: "List alerts",
  description: `The team's alerts, latest activity first, ${ALERT_PAGE_SIZE} a page, with the alerts page's filters.`,
  access: "READ",
  params: teamParams,
  query: listQuery,
  response: { status: 200, description: "A page of alerts.", schema: pageOf(alertSummary) },
  errors: [400],
  async run({ actor, team, query }) {
    const filters = alertFiltersSchema.parse({ status: query.status, source: query.source, after: checkCursor(query.cursor) });
    const page = await listAlerts(actor, team.id, filters);
    return { json: { data: page.items.map(summaryOut), nextCursor: page.nextCursor } };
  },
});

export const getAlertEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/alerts/{alertId}",
  operationId: "getAlert",
  tag: "Alerts",
  summary: "Get an alert",
  description: "One alert with its annotations, links and the latest payload.",
  access: "READ",
  params: teamParams.extend({ alertId: id }),
  response: { status: 200, description: "The alert.", schema: alert },
  errors: [400],
  async run({ actor, team, params }) {
    const found = await getAlert(actor, team.id, params.alertId);
    if (!found) throw notFound("This alert");
    const json: z.input<typeof alert> = {
      ...coreOut(found),
      source: found.source,
      incident: found.incident,
      dedupKey: found.dedupKey,
      annotations: strings(found.annotations),
      links: links(found.links),
      generatorURL: found.generatorURL,
    };
    return { json };
  },
});

export const listAlertSourcesEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/alert-sources",
  operationId: "listAlertSources",
  tag: "Alerts",
  summary: "List alert sources",
  description: "The team's alert sources by name (up to 200). Secrets are never returned: they are shown once, when a source is created or rotated in the app.",
  access: "READ",
  params: teamParams,
  response: { status: 200, description: "The alert sources.", schema: z.object({ data: z.array(alertSource) }) },
  errors: [],
  async run({ actor, team }) {
    return { json: { data: (await listAlertSources(actor, team.id)).map(sourceOut) } };
  },
});

export const getAlertSourceEndpoint = defineEndpoint({
  method: "GET",
  path: "/teams/{team}/alert-sources/{sourceId}",
  operationId: "getAlertSource",
  tag: "Alerts",
  summary: "Get an alert source",
  description: "One alert source, without its secret, mapping or rules.",
  access: "READ",
  params: teamParams.extend({ sourceId: id }),
  response: { status: 200, description: "The alert source.", schema: alertSourceDetail },
  errors: [400],
  async run({ actor, team, params }) {
    const found = await getAlertSourceSummary(actor, team.id, params.sourceId);
    if (!found) throw notFound("This alert source");
    return { json: { ...sourceOut(found), version: found.version, createdAt: iso(found.createdAt) } };
  },
});
