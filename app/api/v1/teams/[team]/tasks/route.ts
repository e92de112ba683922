import { handle } from "@/lib/api/handler";
import { listTasksEndpoint } from "@/lib/api/resources/tasks";

export const dynamic = "force-dynamic";

export const GET = handle(listTasksEndpoint);
