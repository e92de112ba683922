import { renderMarkdown } from "@/lib/markdown/render";

/**
 * Markdown as the whole product shows it (lib/markdown/render): raw HTML in the text is shown as
 * text, never run and never dropped; links and images keep only safe addresses. The HTML is
 * built by our renderer, which escapes everything it did not write itself.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return <div className={className ?? "prose-hindsight"} dangerouslySetInnerHTML={{ __html: renderMarkdown(children) }} />;
}
