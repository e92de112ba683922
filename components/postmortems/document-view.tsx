import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { isSafeImageUrl, isSafeLinkUrl } from "@/lib/postmortems/editor/safe-url";
import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { SummaryCard } from "@/components/postmortems/facts/summary-card";
import { TimelineList } from "@/components/postmortems/facts/timeline-list";
import { TaskGroups } from "@/components/postmortems/facts/task-groups";
import { MermaidPreview } from "@/components/postmortems/editor/mermaid-preview";
import { splitLiveBlocks } from "@/lib/postmortems/live-directives";

const urlTransform = (url: string) => {
  const cleaned = defaultUrlTransform(url);
  return isSafeLinkUrl(cleaned) || isSafeImageUrl(cleaned) ? cleaned : "";
};

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow ugc" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && isSafeImageUrl(src) ? (
      // eslint-disable-next-line @next/next/no-img-element -- uploaded images are served by our own route with access control
      <img src={src} alt={alt ?? ""} loading="lazy" />
    ) : (
      <span>{alt}</span>
    ),
  code: ({ className, children }) =>
    className === "language-mermaid" ? <MermaidPreview source={String(children).trimEnd()} /> : <code className={className}>{children}</code>,
};

/** A postmortem as it reads: its prose (Markdown, no raw HTML), diagrams drawn, and live blocks filled with the incident's facts. */
export function DocumentView({ markdown, facts }: { markdown: string; facts: PostmortemFacts }) {
  return (
    <div className="postmortem-doc">
      {splitLiveBlocks(markdown).map((part, i) =>
        part.kind === "markdown" ? (
          <ReactMarkdown key={i} remarkPlugins={[remarkGfm]} skipHtml urlTransform={urlTransform} components={components}>
            {part.text}
          </ReactMarkdown>
        ) : (
          <div key={i} className="my-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            {part.block === "summary" && <SummaryCard incident={facts.incident} />}
            {part.block === "timeline" && <TimelineList events={facts.events} timeZone={facts.incident.timeZone} scope={part.scope} />}
            {part.block === "tasks" && <TaskGroups tasks={facts.tasks} />}
          </div>
        ),
      )}
    </div>
  );
}
