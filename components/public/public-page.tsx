/* eslint-disable @next/next/no-head-element, @next/next/no-css-tags -- a standalone HTML document rendered with renderToStaticMarkup by a route handler, outside Next.js pages */
import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { splitLiveBlocks } from "@/components/postmortems/document-view";
import { GlanceCard, PublicTasks, PublicTimeline } from "@/components/public/public-facts";
import { isSafeImageUrl, isSafeLinkUrl } from "@/lib/postmortems/editor/safe-url";
import { formatDuration, incidentDurations } from "@/lib/incidents/durations";
import type { PublicLookup } from "@/lib/publishing/public-queries";

type Edition = Extract<PublicLookup, { kind: "edition" }>;

/** Uploaded images are team-only; a published edition serves the ones it shows under its own path. */
function publicImageUrl(src: string, base: string): string {
  const match = /^\/api\/uploads\/([A-Za-z0-9_-]+)$/.exec(src);
  return match ? `${base}/images/${match[1]}` : src;
}

function components(base: string | null): Components {
  return {
    a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow ugc">{children}</a> : <span>{children}</span>),
    img: ({ src, alt }) =>
      typeof src === "string" && isSafeImageUrl(src) ? (
        // eslint-disable-next-line @next/next/no-img-element -- static HTML, no Next.js runtime on public pages
        <img src={base ? publicImageUrl(src, base) : src} alt={alt ?? ""} loading="lazy" />
      ) : null,
    pre: ({ children }) => <pre>{children}</pre>,
    code: ({ className, children }) =>
      className === "language-mermaid" ? (
        <figure className="diagram">
          <code>{children}</code>
          <figcaption>Diagram (Mermaid source)</figcaption>
        </figure>
      ) : (
        <code className={className}>{children}</code>
      ),
  };
}

const urlTransform = (url: string) => {
  const cleaned = defaultUrlTransform(url);
  return isSafeLinkUrl(cleaned) || isSafeImageUrl(cleaned) ? cleaned : "";
};

/** The description used by link previews: what happened and for how long, never more. */
export function previewDescription(found: Edition): string {
  const { incident } = found.edition.body.facts;
  const d = incidentDurations({
    startedAt: new Date(incident.startedAt),
    detectedAt: null,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null,
  });
  const lead = found.edition.subtitle || incident.summary || found.edition.title;
  return `${incident.severity} · ${formatDuration(d.total)}${d.ongoing ? " so far" : ""} — ${lead}`.slice(0, 280);
}

/**
 * A published postmortem as a complete HTML document: server-rendered, no framework script,
 * readable on a phone and in print, light and dark.
 */
export function PublicPage({ found, origin, path, preview = false }: { found: Edition; origin: string; path: string; preview?: boolean }) {
  const { edition, team } = found;
  const { facts, markdown, signOff } = edition.body;
  const zone = facts.incident.timeZone;
  const canonical = `${origin}${found.canonicalPath}`;
  const description = previewDescription(found);
  const isOld = edition.number !== found.latest.number;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${edition.title} · ${team.name}`}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={canonical} />
        {found.noindex && <meta name="robots" content="noindex, nofollow" />}
        <meta property="og:type" content="article" />
        <meta property="og:title" content={edition.title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={team.name} />
        <meta property="og:image" content={`${origin}${path}/og.png`} />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={edition.title} />
        <meta name="twitter:description" content={description} />
        <meta name="twitter:image" content={`${origin}${path}/og.png`} />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href="/p.css" />
        <script src="/p-time.js" defer />
      </head>
      <body>
        <a className="skip" href="#main">Skip to the postmortem</a>
        <header className="site">
          <p>{team.name} · Postmortem</p>
        </header>
        <main id="main">
          <article>
            {isOld && (
              <p className="notice" role="note">
                This is edition {edition.number}. <a href={found.canonicalPath}>Read the latest edition ({found.latest.number})</a>.
              </p>
            )}
            <h1>{edition.title}</h1>
            {edition.subtitle && <p className="subtitle">{edition.subtitle}</p>}
            <p className="meta">
              {found.editions.length > 1 ? "Updated on " : "Published on "}
              <time dateTime={found.latest.publishedAt.toISOString()} data-local="date">
                {found.latest.publishedAt.toISOString().slice(0, 10)}
              </time>
              {found.editions.length > 1 && <> · edition {edition.number} of {found.editions.length} · <a href="#changelog">what changed</a></>}
              <span className="zone"> · times in {zone} (GMT offset shown), with yours alongside</span>
            </p>
            <GlanceCard incident={facts.incident} />
            {splitLiveBlocks(markdown).map((part, i) =>
              part.kind === "markdown" ? (
                <ReactMarkdown key={i} remarkPlugins={[remarkGfm]} skipHtml urlTransform={urlTransform} components={components(preview ? null : path)}>
                  {part.text}
                </ReactMarkdown>
              ) : part.block === "timeline" ? (
                <PublicTimeline key={i} events={facts.events} zone={zone} scope={part.scope} />
              ) : part.block === "tasks" ? (
                <PublicTasks key={i} tasks={facts.tasks} />
              ) : null,
            )}
            {signOff.length > 0 && (
              <section className="signoff" aria-labelledby="signoff-heading">
                <h2 id="signoff-heading">Reviewed and approved</h2>
                <ul>
                  {signOff.map((s) => (
                    <li key={s.name}>
                      {s.name} approved version {s.version}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section id="changelog" className="changelog" aria-labelledby="changelog-heading">
              <h2 id="changelog-heading">Editions</h2>
              <ol reversed>
                {found.editions.map((e) => (
                  <li key={e.number}>
                    <a href={e.number === found.latest.number ? found.canonicalPath : `${found.canonicalPath}?edition=${e.number}`}>Edition {e.number}</a>,{" "}
                    <time dateTime={e.publishedAt.toISOString()} data-local="date">{e.publishedAt.toISOString().slice(0, 10)}</time>
                    {e.note && <> — {e.note}</>}
                  </li>
                ))}
              </ol>
            </section>
          </article>
        </main>
        <footer className="site">
          <p>Published with Hindsight.</p>
        </footer>
      </body>
    </html>
  );
}

/** The short page a taken-down link shows (with status 410). */
export function GonePage() {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>This postmortem is no longer published</title>
        <link rel="stylesheet" href="/p.css" />
      </head>
      <body>
        <main id="main" className="gone">
          <h1>This postmortem is no longer published</h1>
          <p>Its authors have taken it down. If you were sent this link, ask them for the current version.</p>
        </main>
      </body>
    </html>
  );
}
