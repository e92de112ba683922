import type { Endpoint } from "@/lib/api/endpoint";
import { createIncidentEndpoint, getIncidentEndpoint, listIncidentsEndpoint, updateIncidentEndpoint } from "@/lib/api/resources/incidents";
import { createEventEndpoint, listEventsEndpoint } from "@/lib/api/resources/timeline";
import { createTaskEndpoint, listTasksEndpoint, updateTaskEndpoint } from "@/lib/api/resources/tasks";
import { listServicesEndpoint } from "@/lib/api/resources/services";
import { getAlertEndpoint, getAlertSourceEndpoint, listAlertsEndpoint, listAlertSourcesEndpoint } from "@/lib/api/resources/alerts";
import { getPostmortemEndpoint, getPostmortemMarkdownEndpoint } from "@/lib/api/resources/postmortems";

/**
 * Every operation of the public API, in the reference's order. The OpenAPI document, the
 * reference page and the contract and permission tests all read this list: an endpoint missing
 * here is missing everywhere (and a test notices its route file).
 */
export const ENDPOINTS: Endpoint[] = [
  listIncidentsEndpoint,
  createIncidentEndpoint,
  getIncidentEndpoint,
  updateIncidentEndpoint,
  listEventsEndpoint,
  createEventEndpoint,
  listTasksEndpoint,
  createTaskEndpoint,
  updateTaskEndpoint,
  listServicesEndpoint,
  getPostmortemEndpoint,
  getPostmortemMarkdownEndpoint,
  listAlertsEndpoint,
  getAlertEndpoint,
  listAlertSourcesEndpoint,
  getAlertSourceEndpoint,
];
