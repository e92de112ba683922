import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/markdown/markdown";

const render = (text: string) => renderToStaticMarkup(<Markdown>{text}</Markdown>);

/** Payloads an attacker could type into a timeline event, a summary or a root cause. */
const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<iframe src=//evil.example></iframe>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<details open ontoggle=alert(1)>",
  "[x](https://ok.example \"title\" onmouseover=alert(1))",
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
];

describe("Markdown rendering", () => {
  it.each(XSS_CORPUS)("renders %s harmlessly", (payload) => {
    const html = render(payload);
    expect(html).not.toMatch(/<script|<iframe|<svg|<img|<math|<details|<div style/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  });

  it("keeps ordinary formatting", () => {
    const html = render("Ran `strace` on the app server — **no** root cause.\n\n- one\n- two\n\n[runbook](https://wiki.example/runbook)");
    expect(html).toContain("<code>strace</code>");
    expect(html).toContain("<strong>no</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('href="https://wiki.example/runbook"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
  });

  it("shows a huge image as a link instead of loading it", () => {
    const html = render("![10 GB bitmap](https://evil.example/huge.bmp)");
    expect(html).not.toContain("<img");
    expect(html).toContain(">10 GB bitmap</a>");
  });

  it("shows raw HTML tags as nothing rather than markup", () => {
    expect(render("before <b>bold?</b> after")).not.toContain("<b>");
  });
});
