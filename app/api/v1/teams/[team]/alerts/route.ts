import { handle } from "@/lib/api/handler";
import { listAlertsEndpoint } from "@/lib/api/resources/alerts";

export const dynamic = "force-dynamic";

export const GET = handle(listAlertsEndpoint);
