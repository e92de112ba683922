import { handle } from "@/lib/api/handler";
import { updateTaskEndpoint } from "@/lib/api/resources/tasks";

export const dynamic = "force-dynamic";

export const PATCH = handle(updateTaskEndpoint);
