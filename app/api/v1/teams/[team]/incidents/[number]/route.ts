import { handle } from "@/lib/api/handler";
import { getIncidentEndpoint, updateIncidentEndpoint } from "@/lib/api/resources/incidents";

export const dynamic = "force-dynamic";

export const GET = handle(getIncidentEndpoint);
export const PATCH = handle(updateIncidentEndpoint);
