import type { PublicLookup } from "@/lib/publishing/public-queries";
import { splitLiveBlocks } from "@/lib/postmortems/live-directives";
import { formatDuration } from "@/lib/incidents/durations";
import { html, raw, type Html } from "@/lib/publishing/html/escape";
import { markdownToHtml } from "@/lib/publishing/html/markdown";
import { LOCAL_TIMES_SCRIPT } from "@/lib/publishing/html/local-times";
import { durationsOf, glanceHtml, leadHtml, tasksHtml, timelineHtml } from "@/lib/publishing/html/facts";
import { accentStylesheetPath } from "@/lib/publishing/accent";

export type FoundEdition = Extract<PublicLookup, { kind: "edition" }>;

const localTimes = () => html`<script>${raw(LOCAL_TIMES_SCRIPT)}</script>`;

function document(head: Html, body: Html, withLocalTimes = false, accent: string | null = null): string {
  const script = withLocalTimes ? localTimes() : null;
  return `<!DOCTYPE html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><link rel="stylesheet" href="/p.css">${accent ? html`<link rel="stylesheet" href="${accentStylesheetPath(accent)}">` : null}<link rel="icon" href="/favicon.svg" type="image/svg+xml">${head}</head><body>${body}${script}</body></html>`.html}`;
}

/** What link previews say: severity, duration and the subtitle or summary — never more. */
export function previewDescription(found: FoundEdition): string {
  const { incident } = found.edition.body.facts;
  const d = durationsOf(incident);
  const lead = found.edition.subtitle || incident.summary || found.edition.title;
  return `${incident.severity} · ${formatDuration(d.total)}${d.ongoing ? " so far" : ""} — ${lead}`.slice(0, 280);
}

const dateOnly = (date: Date) => html`<time datetime="${date.toISOString()}" data-local="date">${date.toISOString().slice(0, 10)}</time>`;

/**
 * A published postmortem as a complete HTML document: server-rendered, no framework script (one
 * small file adds the reader's local times), readable on a phone and in print, light and dark.
 */
export function renderPublicPage(found: FoundEdition, origin: string, path: string, preview = false): string {
  const { edition, team } = found;
  const { facts, markdown, signOff, diagrams } = edition.body;
  const zone = facts.incident.timeZone;
  const canonical = `${origin}${found.canonicalPath}`;
  const description = previewDescription(found);
  const image = `${origin}${path}/og.png`;
  const isOld = edition.number !== found.latest.number;
  const head = html`<title>${edition.title} · ${team.name}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
${found.noindex ? html`<meta name="robots" content="noindex, nofollow">` : null}
<meta property="og:type" content="article"><meta property="og:title" content="${edition.title}"><meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}"><meta property="og:site_name" content="${team.name}"><meta property="og:image" content="${image}">
<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="${edition.title}"><meta name="twitter:description" content="${description}"><meta name="twitter:image" content="${image}">`;
  const parts = splitLiveBlocks(markdown).map((part) => {
    if (part.kind === "markdown") return raw(markdownToHtml(part.text, preview ? null : path, diagrams));
    if (part.block === "timeline") return timelineHtml(facts.events, zone, part.scope, facts.incident.startedAt);
    if (part.block === "tasks") return tasksHtml(facts.tasks);
    return null; // The summary card opens the page.
  });
  // The local-times script runs right after the summary card too, so the times at the top are
  // usually the reader's by the first paint (on a slow phone Chrome may paint first: a small
  // layout shift); it runs again at the end for the rest.
  const body = html`<a class="skip" href="#main">Skip to the postmortem</a>
<header class="site"><p class="brand"><span class="mark" aria-hidden="true"></span><span class="team">${team.name}</span><span class="what">Postmortem</span></p></header>
<main id="main"><article>
${isOld ? html`<p class="notice" role="note">This is edition ${edition.number}. <a href="${found.canonicalPath}">Read the latest edition (${found.latest.number})</a>.</p>` : null}
<h1>${edition.title}</h1>
${edition.subtitle ? html`<p class="subtitle">${edition.subtitle}</p>` : null}
${leadHtml(facts.incident)}
<p class="meta">${found.editions.length > 1 ? "Updated on " : "Published on "}${dateOnly(found.latest.publishedAt)}${found.editions.length > 1 ? html` · edition ${edition.number} of ${found.editions.length} · <a href="#changelog">what changed</a>` : null}<span class="zone"> · times in ${zone} with the GMT offset<span class="yours">, and yours alongside</span></span></p>
${glanceHtml(facts.incident)}
${localTimes()}
${parts}
${signOff.length > 0 ? html`<footer class="signoff" aria-label="Sign-off"><p><strong>Signed off.</strong> Reviewed and approved by ${signOff.length} ${signOff.length === 1 ? "reviewer" : "reviewers"} (version ${signOff[0]?.version ?? ""}) before publication.</p></footer>` : null}
<section id="changelog" class="changelog" aria-labelledby="changelog-heading"><h2 id="changelog-heading">Editions</h2><ol reversed>${found.editions.map(
    (e) =>
      html`<li><a href="${e.number === found.latest.number ? found.canonicalPath : `${found.canonicalPath}/editions/${e.number}`}">Edition ${e.number}</a>, ${dateOnly(e.publishedAt)}${e.note ? ` — ${e.note}` : ""}</li>`,
  )}</ol></section>
</article></main>
<footer class="site"><p>Published with Hindsight.</p></footer>`;
  return document(head, body, true, team.accent);
}

/** `note`: why an edition was withdrawn; without one, the whole page was taken down. */
export function renderGonePage(note = "", currentPath = ""): string {
  if (note) {
    return document(
      html`<meta name="robots" content="noindex"><title>This edition was withdrawn</title>`,
      html`<main id="main" class="gone"><h1>This edition was withdrawn</h1><p>${note}</p>${currentPath ? html`<p><a href="${currentPath}">Read the current edition</a>.</p>` : null}</main>`,
    );
  }
  return document(
    html`<meta name="robots" content="noindex"><title>This postmortem is no longer published</title>`,
    html`<main id="main" class="gone"><h1>This postmortem is no longer published</h1><p>Its authors have taken it down. If you were sent this link, ask them for the current version.</p></main>`,
  );
}

export function renderNotFoundPage(): string {
  return document(
    html`<meta name="robots" content="noindex"><title>Not found</title>`,
    html`<main id="main" class="gone"><h1>Not found</h1><p>There is no published postmortem at this address.</p></main>`,
  );
}

export function renderTeamIndex(team: { name: string; slug: string }, items: { title: string; subtitle: string; path: string; publishedAt: Date }[]): string {
  const feed = `/p/teams/${team.slug}/feed.xml`;
  return document(
    html`<title>Postmortems · ${team.name}</title><link rel="alternate" type="application/atom+xml" title="${team.name} postmortems" href="${feed}">`,
    html`<main id="main"><h1>${team.name}: postmortems</h1><p class="meta">What went wrong, what we learned, and what we changed. <a href="${feed}">Atom feed</a></p>
${items.length === 0 ? html`<p>Nothing published yet.</p>` : html`<ul class="index">${items.map((i) => html`<li><a href="${i.path}">${i.title}</a>${i.subtitle ? ` — ${i.subtitle}` : ""} ${dateOnly(i.publishedAt)}</li>`)}</ul>`}</main>`,
    true,
  );
}
