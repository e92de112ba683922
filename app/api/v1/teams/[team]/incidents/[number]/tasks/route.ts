import { handle } from "@/lib/api/handler";
import { createTaskEndpoint } from "@/lib/api/resources/tasks";

export const dynamic = "force-dynamic";

export const POST = handle(createTaskEndpoint);
