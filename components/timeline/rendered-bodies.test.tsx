import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/markdown/markdown";
import { renderedBody } from "@/components/timeline/rendered-bodies";

const SAMPLES = [
  "Ran `strace` on the app server — **no** root cause.\n\n- one\n- two\n\n[runbook](https://wiki.example/runbook)",
  "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~struck~~ and a task list:\n\n- [x] done\n- [ ] open",
  "![huge](https://evil.example/x.bmp) <script>alert(1)</script> [x](javascript:alert(1))",
  "plain words",
];

describe("cached event bodies", () => {
  it.each(SAMPLES)("render exactly as the <Markdown> component does: %s", (text) => {
    const key = `sample-${SAMPLES.indexOf(text)}@1`;
    expect(renderToStaticMarkup(<>{renderedBody(key, text, false)}</>)).toBe(renderToStaticMarkup(<Markdown>{text}</Markdown>));
  });

  it("are rendered once per version: the same version is the same tree, a new version is rendered anew", () => {
    const first = renderedBody("event-1@2024-01-01T00:00:00.000Z", "**before**", false);
    expect(renderedBody("event-1@2024-01-01T00:00:00.000Z", "**before**", false)).toBe(first);
    const edited = renderedBody("event-1@2024-01-01T00:05:00.000Z", "**after**", false);
    expect(renderToStaticMarkup(<>{edited}</>)).toContain("<strong>after</strong>");
  });

  it("keep system lines as plain text", () => {
    expect(renderToStaticMarkup(<>{renderedBody("system-1@1", "Status changed from *a* to b.", true)}</>)).toBe("<p>Status changed from *a* to b.</p>");
  });
});
