import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ManifestRoute = { page: string; regex: string };
type RoutesManifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[]; publicFiles?: string[] };

/** What a request's URL is reported as when no route of the app matches it (404s, probes for /wp-admin). */
export const UNMATCHED = "(unmatched)";

/**
 * Maps a URL path to the route it is served by (`/t/[team]/incidents/[number]`), from the build's
 * routes manifest, so logs and metrics group requests by route rather than by raw URL: a label per
 * incident or per published page would grow without bound.
 */
export function routeMatcher(manifest: RoutesManifest): (pathname: string) => string {
  const exact = new Set([...(manifest.staticRoutes ?? []).map((route) => route.page), ...(manifest.publicFiles ?? [])]);
  const dynamic = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (exact.has(trimmed)) return trimmed;
    return dynamic.find((route) => route.regex.test(trimmed))?.page ?? (trimmed === "/collab" ? "/collab" : UNMATCHED);
  };
}

/** The matcher for the build in `distDir` (`.next`) and the files of `publicDir` (served as they are); only those when there is no build. */
export function routeMatcherFor(distDir: string, publicDir: string): (pathname: string) => string {
  const file = path.join(distDir, "routes-manifest.json");
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RoutesManifest) : {};
  const publicFiles = existsSync(publicDir) ? readdirSync(publicDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`) : [];
  return routeMatcher({ ...manifest, publicFiles });
}
