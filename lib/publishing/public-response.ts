import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { GonePage, PublicPage } from "@/components/public/public-page";
import { lookupPublication, publicationVersion } from "@/lib/publishing/public-queries";
import { cachedPage, storePage, touchPage } from "@/lib/publishing/cache";

/** Public pages run no script but our one static file, load nothing from elsewhere, and cannot be framed. */
export const PUBLIC_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export type PublicPath = { slug: string } | { teamSlug: string; customSlug: string };

function html(status: number, body: string, noindex: boolean): Response {
  return new Response(`<!DOCTYPE html>${body}`, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PUBLIC_CSP,
      "Cache-Control": status === 200 ? "public, max-age=60, stale-while-revalidate=300" : "no-store",
      ...(noindex ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
    },
  });
}

const NOT_FOUND = `<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Not found</title><link rel="stylesheet" href="/p.css"></head><body><main class="gone"><h1>Not found</h1><p>There is no published postmortem at this address.</p></main></body></html>`;

/**
 * The response for a public postmortem link, from the page cache when it is still current. A
 * taken-down link answers 410 Gone; an unknown one 404 — the same for drafts, ids and guesses.
 */
export async function publicPostmortemResponse(path: PublicPath, editionParam: string | null, origin: string, basePath: string): Promise<Response> {
  const edition = editionParam && /^\d{1,6}$/.test(editionParam) ? Number(editionParam) : null;
  const key = `${basePath}?${edition ?? "latest"}`;
  const cached = cachedPage(key);
  if (cached) {
    if (cached.fresh) return html(cached.page.status, cached.page.body, cached.page.noindex);
    if ((await publicationVersion(path)) === cached.page.key) {
      touchPage(key);
      return html(cached.page.status, cached.page.body, cached.page.noindex);
    }
  }
  const [found, version] = await Promise.all([lookupPublication(path, edition), publicationVersion(path)]);
  if (found.kind === "missing") return html(404, NOT_FOUND, true);
  if (found.kind === "gone") {
    const body = renderToStaticMarkup(createElement(GonePage));
    storePage(key, { status: 410, body, noindex: true, key: version });
    return html(410, body, true);
  }
  const body = renderToStaticMarkup(createElement(PublicPage, { found, origin, path: basePath }));
  storePage(key, { status: 200, body, noindex: found.noindex, key: version });
  return html(200, body, found.noindex);
}
