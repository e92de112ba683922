import { diffLines, diffWordsWithSpace } from "diff";

export type Segment = { text: string; change: "same" | "added" | "removed" };
export type DiffLine = { kind: "same" | "added" | "removed" | "changed"; segments: Segment[] };
export type DiffBlock = { kind: "lines"; lines: DiffLine[] } | { kind: "skipped"; count: number };

const CONTEXT = 2;

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * A readable diff of two Markdown versions: changed lines with the changed words marked, a
 * little unchanged context around them, and long unchanged stretches folded away.
 */
export function diffMarkdown(before: string, after: string): { blocks: DiffBlock[]; added: number; removed: number } {
  const lines: DiffLine[] = [];
  const parts = diffLines(before, after);
  let added = 0;
  let removed = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const old = splitLines(part.value);
      const now = splitLines(next.value);
      removed += old.length;
      added += now.length;
      const paired = Math.min(old.length, now.length);
      for (let j = 0; j < paired; j++) {
        const words = diffWordsWithSpace(old[j]!, now[j]!);
        lines.push({ kind: "changed", segments: words.map((w) => ({ text: w.value, change: w.added ? "added" : w.removed ? "removed" : "same" })) });
      }
      for (const line of old.slice(paired)) lines.push({ kind: "removed", segments: [{ text: line, change: "removed" }] });
      for (const line of now.slice(paired)) lines.push({ kind: "added", segments: [{ text: line, change: "added" }] });
      i++;
      continue;
    }
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    for (const line of splitLines(part.value)) {
      if (kind === "added") added++;
      if (kind === "removed") removed++;
      lines.push({ kind, segments: [{ text: line, change: kind }] });
    }
  }
  const keep = lines.map((line, i) => line.kind !== "same" || lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.kind !== "same"));
  const blocks: DiffBlock[] = [];
  lines.forEach((line, i) => {
    const last = blocks.at(-1);
    if (keep[i]) {
      if (last?.kind === "lines") last.lines.push(line);
      else blocks.push({ kind: "lines", lines: [line] });
    } else if (last?.kind === "skipped") last.count++;
    else blocks.push({ kind: "skipped", count: 1 });
  });
  return { blocks, added, removed };
}
