import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/markdown/markdown";
import { markdownToHtml } from "@/lib/publishing/html/markdown";
import { renderCacheSize, renderMarkdown, renderMarkdownParts } from "@/lib/markdown/render";

const app = (text: string) => renderToStaticMarkup(<Markdown>{text}</Markdown>);
const publicPage = (text: string) => markdownToHtml(text, "/p/acme/db-outage", {});
/** What the app shows, without the wrapper element the component adds. */
const appInner = (text: string) => app(text).replace(/^<div class="prose-hindsight">/, "").replace(/<\/div>$/, "");

/** Payloads an attacker could type into a timeline event, a summary or a root cause. */
const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](<\u0001javascript:alert(1)>)",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<iframe src=//evil.example></iframe>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<details open ontoggle=alert(1)>",
  '[x](https://ok.example "title" onmouseover=alert(1))',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "[x](/\\evil.example)",
  "[x](//evil.example)",
  "[x](/\t/evil.example)",
  "[x](<\\\\evil.example>)",
];

/** Text as it arrives from terminals and chat. */
const TERMINAL_CORPUS = [
  "returned List<String> instead of <none>",
  "<none> was the summary",
  "ls -la | grep foo > /tmp/out && echo $?",
  "NUL\u0000 byte and bell\u0007 and ESC\u001b[31mred\u001b[0m",
  "zero\u200Bwidth\u200Cjoin\uFEFFbom",
  "RTL \u202Egnp.exe\u202C and \u2067isolate\u2069",
  "| a | b |\n|---|---|\n| `x<y` | <b>bold</b> |",
  "- [x] done\n- [ ] open <todo>",
  "```\n<html>\n  <body>\n```",
  "a &amp; b &lt;c&gt; &#0; &#x0;",
  "قاعدة البيانات <ب> down",
];

describe("One Markdown pipeline", () => {
  it.each([...XSS_CORPUS, ...TERMINAL_CORPUS])("renders %j identically in the app and on the public page", (text) => {
    expect(appInner(text)).toBe(publicPage(text));
  });

  it.each(XSS_CORPUS)("renders %j harmlessly", (payload) => {
    const html = app(payload);
    expect(html).not.toMatch(/<script|<iframe|<svg|<img|<math|<details|<div style/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/href="[/\\]{2}/);
    expect(html).not.toMatch(/href="\/\t/);
  });

  it("shows raw HTML as the text that was typed, never dropping it", () => {
    expect(app("returned List<String> instead of <none>")).toContain("List&lt;String&gt; instead of &lt;none&gt;");
    expect(app("<none> was the summary")).toContain("&lt;none&gt; was the summary");
    expect(app("before <b>bold?</b> after")).toContain("before &lt;b&gt;bold?&lt;/b&gt; after");
  });

  it("refuses a /\\host link (another host to a browser) but keeps same-site paths", () => {
    expect(app("[x](/\\evil.example)")).not.toContain("<a");
    expect(app("[runbook](/t/acme/incidents/4)")).toContain('href="/t/acme/incidents/4"');
  });

  it("never lets NUL through", () => {
    expect(app("a\u0000b")).not.toContain("\u0000");
  });

  it("keeps ordinary formatting, tables and task lists", () => {
    const html = app("Ran `strace` on the app server — **no** root cause.\n\n- one\n- two\n\n[runbook](https://wiki.example/runbook)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done");
    expect(html).toContain("<code>strace</code>");
    expect(html).toContain("<strong>no</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('href="https://wiki.example/runbook"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(html).toContain("<td>1</td>");
    expect(html).toMatch(/<input checked="" disabled="" type="checkbox">/);
  });

  it("shows a remote image as a link instead of loading it, and our uploads inline", () => {
    const html = app("![10 GB bitmap](https://evil.example/huge.bmp)");
    expect(html).not.toContain("<img");
    expect(html).toContain(">10 GB bitmap</a>");
    expect(app("![chart](/api/uploads/abc123)")).toContain('<img src="/api/uploads/abc123" alt="chart" loading="lazy">');
    expect(publicPage("![chart](/api/uploads/abc123)")).toContain('<img src="/p/acme/db-outage/images/abc123"');
  });

  it("keeps top-level diagrams apart for the review and the rest as HTML", () => {
    const parts = renderMarkdownParts("Before <x>\n\n```mermaid\ngraph LR; A-->B\n```\n\nAfter [ref]\n\n[ref]: https://ok.example");
    expect(parts.map((p) => p.kind)).toEqual(["html", "diagram", "html"]);
    expect(parts[0]).toEqual({ kind: "html", html: "<p>Before &lt;x&gt;</p>\n" });
    expect(parts[2]?.kind === "html" && parts[2].html).toContain('href="https://ok.example"');
  });

  it("renders a text once and then answers from memory", () => {
    const text = `memo ${Math.random()}`;
    const before = renderCacheSize();
    const first = renderMarkdown(text);
    expect(renderCacheSize()).toBe(before + 1);
    expect(renderMarkdown(text)).toBe(first);
    expect(renderCacheSize()).toBe(before + 1);
  });
});
