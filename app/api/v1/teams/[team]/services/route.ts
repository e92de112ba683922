import { handle } from "@/lib/api/handler";
import { listServicesEndpoint } from "@/lib/api/resources/services";

export const dynamic = "force-dynamic";

export const GET = handle(listServicesEndpoint);
