import { handle } from "@/lib/api/handler";
import { getAlertSourceEndpoint } from "@/lib/api/resources/alerts";

export const dynamic = "force-dynamic";

export const GET = handle(getAlertSourceEndpoint);
