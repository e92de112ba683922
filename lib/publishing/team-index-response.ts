import { renderTeamIndex } from "@/lib/publishing/html/page";
import { teamIndex } from "@/lib/publishing/public-queries";
import { PUBLIC_CSP } from "@/lib/publishing/public-headers";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A team's public index page (opt-in): its listed postmortems, newest first, with the Atom feed linked. */
export async function teamIndexPage(teamSlug: string): Promise<Response> {
  const index = await teamIndex(teamSlug);
  if (!index) return notFound();
  return new Response(renderTeamIndex(index.team, index.items), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PUBLIC_CSP, "Cache-Control": "public, max-age=60" },
  });
}

export async function teamFeed(teamSlug: string, origin: string): Promise<Response> {
  const index = await teamIndex(teamSlug);
  if (!index) return notFound();
  const updated = (index.items[0]?.publishedAt ?? new Date(0)).toISOString();
  const entries = index.items
    .map(
      (item) => `  <entry>
    <title>${escapeXml(item.title)}</title>
    <link href="${escapeXml(origin + item.path)}"/>
    <id>${escapeXml(origin + item.path)}</id>
    <updated>${item.publishedAt.toISOString()}</updated>
    <summary>${escapeXml(item.subtitle || item.title)}</summary>
  </entry>`,
    )
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(`${index.team.name}: postmortems`)}</title>
  <link href="${escapeXml(`${origin}/p/teams/${index.team.slug}`)}"/>
  <link rel="self" href="${escapeXml(`${origin}/p/teams/${index.team.slug}/feed.xml`)}"/>
  <id>${escapeXml(`${origin}/p/teams/${index.team.slug}`)}</id>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
