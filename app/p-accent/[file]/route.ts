import { accentStylesheet } from "@/lib/publishing/accent";

/**
 * A team's accent for its public pages, as a stylesheet named by the colour: public pages allow
 * styles from this site only (no inline style), and a name that is its content can be cached forever.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const css = accentStylesheet((await params).file);
  if (!css) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" } });
}
