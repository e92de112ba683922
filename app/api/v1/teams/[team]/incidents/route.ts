import { handle } from "@/lib/api/handler";
import { listIncidentsEndpoint, createIncidentEndpoint } from "@/lib/api/resources/incidents";

export const dynamic = "force-dynamic";

export const GET = handle(listIncidentsEndpoint);
export const POST = handle(createIncidentEndpoint);
