import type { JSONContent } from "@tiptap/core";
import type { TemplateSection } from "@/lib/postmortems/templates/schema";

/** The first content of a postmortem started from a template: each section's heading, its live block, an empty paragraph to write in. */
export function documentFromTemplate(sections: readonly TemplateSection[]): JSONContent {
  const content: JSONContent[] = [];
  for (const section of sections) {
    content.push({
      type: "heading",
      attrs: { level: 2, help: section.help, required: section.required },
      content: [{ type: "text", text: section.heading }],
    });
    if (section.block) content.push({ type: "liveBlock", attrs: { kind: section.block, scope: "starred" } });
    content.push({ type: "paragraph" });
  }
  return { type: "doc", content };
}
