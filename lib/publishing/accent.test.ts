import { describe, expect, it } from "vitest";
import { PAGE_DARK, PAGE_LIGHT, accentStylesheet, accentStylesheetPath, checkAccent, contrast, darkAccent, parseHex } from "@/lib/publishing/accent";

const on = (color: string, backgrounds: readonly string[]) => Math.min(...backgrounds.map((bg) => contrast(parseHex(color)!, parseHex(bg)!)));

describe("a team's accent colour", () => {
  it("is refused when text in it would not read at 4.5:1 on the light page, with a darker shade offered", () => {
    const orange = checkAccent("#f97316");
    expect(orange.ok).toBe(false);
    const message = orange.ok ? "" : orange.message;
    expect(message).toMatch(/^Too light to read on the page: 2\.\d:1/);
    const offered = /such as (#[0-9a-f]{6})/.exec(message)?.[1];
    expect(checkAccent(offered!)).toEqual({ ok: true, accent: offered });
    expect(checkAccent("orange").ok).toBe(false);
  });

  it("is kept as #rrggbb, and lightened for the dark page until it reads there", () => {
    expect(checkAccent("#4338CA")).toEqual({ ok: true, accent: "#4338ca" });
    expect(checkAccent("#036")).toEqual({ ok: true, accent: "#003366" });
    for (const accent of ["#4338ca", "#003366", "#000000", "#b91c1c"]) {
      expect(on(accent, PAGE_LIGHT)).toBeGreaterThanOrEqual(4.5);
      expect(on(darkAccent(accent), PAGE_DARK), accent).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("reaches the page as a stylesheet named by the colour; other names are not served", () => {
    expect(accentStylesheetPath("#4338ca")).toBe("/p-accent/4338ca.css");
    expect(accentStylesheet("4338ca.css")).toBe(`:root{--accent:#4338ca}@media (prefers-color-scheme:dark){:root{--accent:${darkAccent("#4338ca")}}}\n`);
    for (const name of ["f97316.css", "4338CA.css", "4338ca", "x.css", "4338ca.css;}"]) expect(accentStylesheet(name), name).toBeNull();
  });
});
