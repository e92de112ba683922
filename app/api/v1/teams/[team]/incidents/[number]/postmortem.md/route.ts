import { handle } from "@/lib/api/handler";
import { getPostmortemMarkdownEndpoint } from "@/lib/api/resources/postmortems";

export const dynamic = "force-dynamic";

export const GET = handle(getPostmortemMarkdownEndpoint);
