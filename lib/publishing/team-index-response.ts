import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { teamIndex } from "@/lib/publishing/public-queries";
import { PUBLIC_CSP } from "@/lib/publishing/public-response";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A team's public index page (opt-in): its listed postmortems, newest first, with the Atom feed linked. */
export async function teamIndexPage(teamSlug: string): Promise<Response> {
  const index = await teamIndex(teamSlug);
  if (!index) return notFound();
  const h = createElement;
  const page = h(
    "html",
    { lang: "en" },
    h(
      "head",
      null,
      h("meta", { charSet: "utf-8" }),
      h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("title", null, `Postmortems · ${index.team.name}`),
      h("link", { rel: "stylesheet", href: "/p.css" }),
      h("link", { rel: "alternate", type: "application/atom+xml", title: `${index.team.name} postmortems`, href: `/p/teams/${index.team.slug}/feed.xml` }),
    ),
    h(
      "body",
      null,
      h(
        "main",
        { id: "main" },
        h("h1", null, `${index.team.name}: postmortems`),
        h("p", { className: "meta" }, "What went wrong, what we learned, and what we changed. ", h("a", { href: `/p/teams/${index.team.slug}/feed.xml` }, "Atom feed")),
        index.items.length === 0
          ? h("p", null, "Nothing published yet.")
          : h(
              "ul",
              { className: "index" },
              index.items.map((item) =>
                h(
                  "li",
                  { key: item.path },
                  h("a", { href: item.path }, item.title),
                  item.subtitle ? h(Fragment, null, " — ", item.subtitle) : null,
                  " ",
                  h("time", { dateTime: item.publishedAt.toISOString(), "data-local": "date" }, item.publishedAt.toISOString().slice(0, 10)),
                ),
              ),
            ),
      ),
    ),
  );
  return new Response(`<!DOCTYPE html>${renderToStaticMarkup(page)}`, {
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
