import { describe, expect, it } from "vitest";
import { diffMarkdown } from "@/lib/postmortems/diff";

describe("diffMarkdown", () => {
  it("marks the changed words of a changed line, and counts added and removed lines", () => {
    const before = "## Root cause\n\nA missing index on reviews.\n";
    const after = "## Root cause\n\nA missing composite index on reviews.\n\nFound with EXPLAIN.\n";
    const { blocks, added, removed } = diffMarkdown(before, after);
    const lines = blocks.flatMap((b) => (b.kind === "lines" ? b.lines : []));
    const changed = lines.find((l) => l.kind === "changed");
    expect(changed?.segments.filter((s) => s.change === "added").map((s) => s.text.trim())).toContain("composite");
    expect(lines.some((l) => l.kind === "added" && l.segments[0]?.text === "Found with EXPLAIN.")).toBe(true);
    expect(added).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
  });

  it("folds long unchanged stretches and reports nothing for equal texts", () => {
    const same = Array.from({ length: 50 }, (_, i) => `line ${i}`).join("\n");
    const { blocks } = diffMarkdown(same, same.replace("line 25", "line twenty-five"));
    expect(blocks.filter((b) => b.kind === "skipped").map((b) => (b.kind === "skipped" ? b.count : 0))).toEqual([23, 22]);
    expect(diffMarkdown(same, same)).toEqual({ blocks: [{ kind: "skipped", count: 50 }], added: 0, removed: 0 });
  });
});
