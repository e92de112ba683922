import { buildOpenApi } from "@/lib/api/openapi";

/** The document is public (it describes, it grants nothing) and the same until the next deploy. */
const document = JSON.stringify(buildOpenApi(), null, 2);

export function GET() {
  return new Response(document, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
