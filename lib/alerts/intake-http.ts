import type { IncomingMessage, ServerResponse } from "node:http";
import type { IntakeAnswer, IntakeRequest } from "@/lib/alerts/intake";

function joined(chunks: Uint8Array[], total: number): Uint8Array {
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function declaredTooLong(contentLength: string | null | undefined, limit: number): boolean {
  const declared = Number(contentLength);
  return Number.isFinite(declared) && declared > limit;
}

/** A fetch-style Request (the Next.js route handler). */
export function fromWebRequest(request: Request): IntakeRequest {
  return {
    header: (name) => request.headers.get(name),
    async readBody(limit) {
      if (declaredTooLong(request.headers.get("content-length"), limit)) return null;
      if (!request.body) return new Uint8Array();
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return joined(chunks, total);
        total += value.byteLength;
        if (total > limit) {
          await reader.cancel();
          return null;
        }
        chunks.push(value);
      }
    },
  };
}

export function toWebResponse(answer: IntakeAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * A Node request (the web server's front door, scripts/web.ts). A body over the limit is not read
 * to its end: the answer then closes the connection instead of keeping it alive.
 */
export function fromNodeRequest(message: IncomingMessage): IntakeRequest & { readToEnd(): boolean } {
  let complete = true;
  return {
    header(name) {
      const value = message.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    async readBody(limit) {
      complete = false;
      if (declaredTooLong(message.headers["content-length"], limit)) return null;
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of message as AsyncIterable<Buffer>) {
        total += chunk.byteLength;
        if (total > limit) return null;
        chunks.push(chunk);
      }
      complete = true;
      return joined(chunks, total);
    },
    readToEnd: () => complete,
  };
}

export function writeNodeAnswer(response: ServerResponse, answer: IntakeAnswer, keepAlive: boolean): void {
  if (!keepAlive) response.shouldKeepAlive = false;
  response.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
  response.end(answer.body);
}
