import { describe, expect, it } from "vitest";
import { fromWebRequest } from "@/lib/alerts/intake-http";

function streamed(chunks: string[]): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request("http://localhost/api/alerts/s", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("the route handler's request adapter", () => {
  it("reads a streamed body whole when it fits, byte for byte", async () => {
    const body = await fromWebRequest(streamed(["{\"a\":", "\"ü\"", "}"])).readBody(100);
    expect(new TextDecoder().decode(body!)).toBe('{"a":"ü"}');
  });

  it("gives up on a streamed body as soon as it passes the limit, whatever no header said", async () => {
    expect(await fromWebRequest(streamed(["x".repeat(60), "x".repeat(60)])).readBody(100)).toBeNull();
    expect(await fromWebRequest(streamed(["x".repeat(100)])).readBody(100)).not.toBeNull();
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://localhost/api/alerts/s", { method: "POST", body: "small", headers: { "content-length": "5000000" } });
    expect(await fromWebRequest(request).readBody(100)).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it("reads headers case-insensitively", () => {
    const request = new Request("http://localhost/api/alerts/s", { method: "POST", headers: { "Idempotency-Key": "k1" } });
    expect(fromWebRequest(request).header("idempotency-key")).toBe("k1");
  });
});
