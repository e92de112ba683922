import { renderGonePage, renderNotFoundPage, renderPublicPage } from "@/lib/publishing/html/page";
import { lookupPublication } from "@/lib/publishing/public-queries";

/** Public pages run no script but our one static file, load nothing from elsewhere, and cannot be framed. */
export const PUBLIC_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export type PublicPath = { slug: string } | { teamSlug: string; customSlug: string };

function html(status: number, body: string, noindex: boolean): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PUBLIC_CSP,
      "Cache-Control": status === 200 ? "public, no-cache" : "no-store",
      ...(noindex ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
    },
  });
}

/**
 * The response for a public postmortem link. A taken-down link answers 410 Gone; an unknown one
 * 404 — the same for drafts, internal ids and guesses.
 */
export async function publicPostmortemResponse(path: PublicPath, editionParam: string | null, origin: string, basePath: string): Promise<Response> {
  const edition = editionParam === null ? null : /^\d{1,6}$/.test(editionParam) ? Number(editionParam) : -1;
  const found = await lookupPublication(path, edition);
  if (found.kind === "missing") return html(404, renderNotFoundPage(), true);
  if (found.kind === "gone") return html(410, renderGonePage(), true);
  return html(200, renderPublicPage(found, origin, basePath), found.noindex);
}
