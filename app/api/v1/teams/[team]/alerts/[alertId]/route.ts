import { handle } from "@/lib/api/handler";
import { getAlertEndpoint } from "@/lib/api/resources/alerts";

export const dynamic = "force-dynamic";

export const GET = handle(getAlertEndpoint);
