import { handle } from "@/lib/api/handler";
import { listEventsEndpoint, createEventEndpoint } from "@/lib/api/resources/timeline";

export const dynamic = "force-dynamic";

export const GET = handle(listEventsEndpoint);
export const POST = handle(createEventEndpoint);
