import type { PostmortemFacts } from "@/lib/postmortems/facts";
import { SummaryCard } from "@/components/postmortems/facts/summary-card";
import { TimelineList } from "@/components/postmortems/facts/timeline-list";
import { TaskGroups } from "@/components/postmortems/facts/task-groups";
import { MermaidPreview } from "@/components/postmortems/editor/mermaid-preview";
import { splitLiveBlocks } from "@/lib/postmortems/live-directives";
import { renderMarkdownParts } from "@/lib/markdown/render";

function Prose({ text }: { text: string }) {
  return renderMarkdownParts(text).map((part, i) =>
    part.kind === "html" ? <div key={i} className="contents" dangerouslySetInnerHTML={{ __html: part.html }} /> : <MermaidPreview key={i} source={part.source.trimEnd()} />,
  );
}

/** A postmortem as it reads: its prose (the one Markdown pipeline: raw HTML shown as text), diagrams drawn, and live blocks filled with the incident's facts. */
export function DocumentView({ markdown, facts }: { markdown: string; facts: PostmortemFacts }) {
  return (
    <div className="postmortem-doc">
      {splitLiveBlocks(markdown).map((part, i) =>
        part.kind === "markdown" ? (
          <Prose key={i} text={part.text} />
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
