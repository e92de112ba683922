const DIRECTIVE = /^::live\{kind=(summary|timeline|tasks)(?: scope=(starred|all))?\}$/;

export type Part = { kind: "markdown"; text: string } | { kind: "live"; block: "summary" | "timeline" | "tasks"; scope: "starred" | "all" };

/** Splits stored Markdown into prose and live-block directives (outside code fences only). */
export function splitLiveBlocks(markdown: string): Part[] {
  const parts: Part[] = [];
  let prose: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const match = fenced ? null : DIRECTIVE.exec(line.trim());
    if (!match) {
      prose.push(line);
      continue;
    }
    if (prose.join("").trim()) parts.push({ kind: "markdown", text: prose.join("\n") });
    prose = [];
    parts.push({ kind: "live", block: match[1] as "summary" | "timeline" | "tasks", scope: match[2] === "all" ? "all" : "starred" });
  }
  if (prose.join("").trim()) parts.push({ kind: "markdown", text: prose.join("\n") });
  return parts;
}
