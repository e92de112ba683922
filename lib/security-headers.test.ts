import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

describe("proxy CSP", () => {
  it("leaves uploads their own sandbox policy", () => {
    const response = proxy(new NextRequest("http://localhost:3000/api/uploads/abc123"));
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("sets the nonce policy on pages", () => {
    const response = proxy(new NextRequest("http://localhost:3000/t/acme/incidents"));
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
  });
});
