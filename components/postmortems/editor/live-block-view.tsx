"use client";

import Link from "next/link";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { liveBlockAttrs } from "@/lib/postmortems/editor/live-block";
import { SummaryCard } from "@/components/postmortems/facts/summary-card";
import { TimelineList } from "@/components/postmortems/facts/timeline-list";
import { TaskGroups } from "@/components/postmortems/facts/task-groups";
import { useFacts } from "@/components/postmortems/editor/facts-context";
import { cx } from "@/components/ui/cx";

const TITLE = { summary: "Incident summary", timeline: "Timeline", tasks: "Corrective and preventive tasks" } as const;
const EDIT_HINT = { summary: "Edit times and impact on the incident", timeline: "Add or star events on the incident", tasks: "Manage tasks on the incident" } as const;

/** A live block in the editor: the incident's facts as they are now, not a copy. */
export function LiveBlockView({ node, updateAttributes, editor, selected }: ReactNodeViewProps) {
  const { facts, incidentHref } = useFacts();
  const attrs = liveBlockAttrs(node.attrs);
  return (
    <NodeViewWrapper
      contentEditable={false}
      data-live-block={attrs.kind}
      className={cx(
        "my-3 rounded-lg border border-brand-100 bg-brand-50/40 p-4 not-prose dark:border-brand-700/40 dark:bg-brand-700/10",
        selected && "ring-2 ring-brand-500",
      )}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
          <span aria-hidden="true" className="inline-block size-2 rounded-full bg-emerald-500" />
          {TITLE[attrs.kind]} · live from the incident
        </p>
        <div className="flex items-center gap-3 text-xs">
          {attrs.kind === "timeline" && editor.isEditable && (
            <label className="flex items-center gap-1.5">
              <span className="text-zinc-600 dark:text-zinc-400">Show</span>
              <select
                value={attrs.scope}
                onChange={(e) => updateAttributes({ scope: e.target.value === "all" ? "all" : "starred" })}
                className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
              >
                <option value="starred">Starred events</option>
                <option value="all">All events</option>
              </select>
            </label>
          )}
          <Link href={incidentHref} className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {EDIT_HINT[attrs.kind]}
          </Link>
        </div>
      </div>
      {attrs.kind === "summary" && <SummaryCard incident={facts.incident} />}
      {attrs.kind === "timeline" && <TimelineList events={facts.events} timeZone={facts.incident.timeZone} scope={attrs.scope} />}
      {attrs.kind === "tasks" && <TaskGroups tasks={facts.tasks} />}
    </NodeViewWrapper>
  );
}
