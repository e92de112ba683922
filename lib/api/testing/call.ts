import { handle } from "@/lib/api/handler";
import { API_BASE } from "@/lib/api/openapi";
import type { Endpoint } from "@/lib/api/endpoint";

export type ApiCall = {
  token?: string;
  params: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Sent as is (with the given headers), for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
};

export type ApiAnswer = { status: number; headers: Headers; text: string; json: unknown };

/** Calls an endpoint through the same handler its route file exports, with a real Request. */
export async function callApi(endpoint: Endpoint, call: ApiCall): Promise<ApiAnswer> {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(call.params[name] ?? ""));
  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  let body: string | undefined = call.rawBody;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost${API_BASE}${path}${call.query ? `?${call.query}` : ""}`, { method: endpoint.method, headers, body });
  const response = await handle(endpoint)(request, { params: Promise.resolve(call.params) });
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").includes("json") && text ? (JSON.parse(text) as unknown) : null;
  return { status: response.status, headers: response.headers, text, json };
}
