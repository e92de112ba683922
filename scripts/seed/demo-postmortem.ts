import type { JSONContent } from "@tiptap/core";
import { markdownToDocument } from "../../lib/postmortems/document";
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID } from "../../lib/postmortems/templates/builtin";

export const DEMO_POSTMORTEM_TITLE = "When the database tried to be the boss for the day";

/** The demo incident's postmortem, written the way the reference postmortem is: facts from the incident, a story, the misleading lead, the fix. */
const MARKDOWN = `## Summary

::live{kind=summary}

On October 15 our web application slowed to a crawl for eight and a half hours and not a single management report was generated. Around 90% of users saw slow pages or timeouts. The cause was a report query that had been fast for years: the \`reviews\` table it joins grew from 2 M to 41 M rows in three months, and it had no index for the way the report filters it.

## Timeline

::live{kind=timeline scope=starred}

We lost three hours to a misleading investigation. The application server's CPU was pegged, so we looked at the application: \`strace\` showed processes waiting on the database socket, and we read that as "idle" instead of "blocked". A configuration drift theory after last week's deploy was ruled out with \`puppet apply --noop\`. Only when the development team looked at \`pg_stat_statements\` did the real culprit appear.

\`\`\`mermaid
graph TD
  A[08:03 Alert: reports missing] --> B[curl: server looks fine]
  B --> C[strace: nothing unusual]
  C --> D[puppet: config consistent]
  D --> E[11:00 Escalated to developers]
  E --> F[13:20 pg_stat_statements: one query, 92% of DB time]
  F --> G[15:45 Index created, 14 min to 0.4 s]
\`\`\`

## Root cause

The daily report joins \`orders\` with \`reviews\`, filtered by \`product_id\` and a date range. Without an index on \`reviews (product_id, created_at)\` every run scanned the whole table. At 2 M rows that took a second; at 41 M rows it took fourteen minutes and saturated the database, which slowed every other query in the application.

## Resolution and recovery

The development team rewrote the query to filter reviews before joining orders and added the index \`reviews (product_id, created_at)\`, created concurrently so nothing was locked. Report runs dropped from 14 minutes to 0.4 seconds, database CPU fell from 340% to 20%, and the report backlog cleared by 16:30 (GMT+2).

## Corrective and preventive measures

The fix held, but the same kind of query can grow slow again. These are the changes we committed to, and how far along they are:

::live{kind=tasks}

## What went well

- The automated report check caught the failure within three minutes.
- Creating the index concurrently meant the fix needed no downtime.

## What went wrong

- We assumed an application problem because the application server was the one on fire.
- Nobody looked at database statistics for five hours.

## Where we got lucky

- It happened on a Wednesday morning, with both teams at their desks.
`;

function withTemplateAttributes(doc: JSONContent): JSONContent {
  const template = BUILT_IN_TEMPLATES.find((t) => t.id === DEFAULT_TEMPLATE_ID);
  return {
    ...doc,
    content: (doc.content ?? []).map((node) => {
      if (node.type !== "heading") return node;
      const heading = node.content?.map((c) => c.text ?? "").join("");
      const section = template?.sections.find((s) => s.heading === heading);
      return section ? { ...node, attrs: { ...node.attrs, help: section.help, required: section.required } } : node;
    }),
  };
}

/** The passage the demo's comment thread discusses. */
export const DEMO_COMMENT_QUOTE = "We lost three hours to a misleading investigation.";

/** The document, with the demo thread's comment mark on its passage. */
export function demoPostmortemDocument(threadId: string): JSONContent {
  const doc = withTemplateAttributes(markdownToDocument(MARKDOWN));
  for (const block of doc.content ?? []) {
    const first = block.content?.[0];
    if (block.type === "paragraph" && first?.text?.startsWith(DEMO_COMMENT_QUOTE)) {
      const rest = first.text.slice(DEMO_COMMENT_QUOTE.length);
      block.content = [
        { type: "text", text: DEMO_COMMENT_QUOTE, marks: [{ type: "comment", attrs: { threadId } }] },
        ...(rest ? [{ ...first, text: rest }] : []),
        ...(block.content?.slice(1) ?? []),
      ];
    }
  }
  return doc;
}
