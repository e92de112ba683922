import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/same-origin";

const check = (headers: Record<string, string>) => () => assertSameOrigin(new Headers(headers));

describe("same-origin writes", () => {
  it("accepts our own origin, also behind a proxy that names the host", () => {
    expect(check({ origin: "https://hindsight.example", host: "hindsight.example" })).not.toThrow();
    expect(check({ origin: "https://hindsight.example", host: "10.0.0.5:3000", "x-forwarded-host": "hindsight.example" })).not.toThrow();
  });

  it.each([
    ["no Origin", { host: "hindsight.example" }],
    ["a null Origin", { origin: "null", host: "hindsight.example" }],
    ["an Origin that does not parse", { origin: "::not a url", host: "hindsight.example" }],
    ["another site", { origin: "https://evil.example", host: "hindsight.example" }],
    ["another port", { origin: "https://hindsight.example:8443", host: "hindsight.example" }],
    ["no Host", { origin: "https://hindsight.example" }],
  ])("refuses %s as FORBIDDEN", (_label, headers) => {
    expect(check(headers)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});
