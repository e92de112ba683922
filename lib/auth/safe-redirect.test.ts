import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/safe-redirect";

const OFF_SITE = [
  "//evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/../..//evil.example",
  "/%2e%2e//evil.example",
  "/%2E%2E//evil.example",
  "/.%2e//evil.example",
  "/./\\evil.example",
  "/\\evil.example",
  "\\/\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "https://evil.example/",
  "http://evil.example/t/acme",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

describe("safeCallbackPath", () => {
  it.each([
    ["/t/acme/incidents?x=1", "/t/acme/incidents?x=1"],
    ["/t/acme/incidents#top", "/t/acme/incidents#top"],
    ["/", "/"],
    ["", "/"],
    [undefined, "/"],
    [42, "/"],
  ])("%j → %j", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each(OFF_SITE)("%j stays on this site", (raw) => {
    const path = safeCallbackPath(raw);
    expect(path.startsWith("/")).toBe(true);
    // Whatever comes back, a browser resolving it against our origin stays on our origin.
    expect(new URL(path, "https://hindsight.example").origin).toBe("https://hindsight.example");
    expect(path).not.toMatch(/^\/[/\\]/);
  });

  it("keeps what a normalised same-site path means", () => {
    expect(safeCallbackPath("/t/acme/../beta/incidents")).toBe("/t/beta/incidents");
    expect(safeCallbackPath("/.//evil.example")).toBe("/evil.example");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it.each([
    ["/t/acme", `${base}/t/acme`],
    [`${base}/t/acme?x=1`, `${base}/t/acme?x=1`],
    ["http://localhost:3001/t/acme", `${base}/`],
    ["not a url at all", `${base}/not%20a%20url%20at%20all`],
    ["http://[bad", `${base}/`],
  ])("%j → %j", (raw, expected) => {
    expect(safeRedirectUrl(raw, base)).toBe(expected);
  });

  it.each(OFF_SITE)("%j never leaves the site and never throws", (raw) => {
    expect(new URL(safeRedirectUrl(raw, base)).origin).toBe(base);
  });
});
