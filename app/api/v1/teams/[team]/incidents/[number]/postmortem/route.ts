import { handle } from "@/lib/api/handler";
import { getPostmortemEndpoint } from "@/lib/api/resources/postmortems";

export const dynamic = "force-dynamic";

export const GET = handle(getPostmortemEndpoint);
