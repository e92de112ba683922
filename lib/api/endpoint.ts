import type { z } from "zod";
import type { Actor, TokenAccess, TokenGrant } from "@/lib/authz";

export type HttpMethod = "GET" | "POST" | "PATCH";

/** The team a request names in its path (`/teams/{team}/…`), resolved and checked against the token. */
export type ApiTeam = { id: string; slug: string; timeZone: string };

export type ApiContext<P, Q, B> = {
  grant: TokenGrant;
  /** The user the token acts as: its owner, or a service token's own user. */
  userId: string;
  team: ApiTeam;
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  /** The JSON body as sent: mutations parse it themselves with the same schema. */
  input: Record<string, unknown>;
  headers: Headers;
};

type ResultMeta = { status?: number; headers?: Record<string, string> };
export type ApiResult<T> = (ResultMeta & { json: T }) | (ResultMeta & { text: string; contentType: string });

/**
 * One operation of the public API. The same zod schemas parse the request and generate the
 * OpenAPI document (lib/api/openapi.ts), so the reference cannot drift from the code.
 */
export type Endpoint<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> = {
  method: HttpMethod;
  /** OpenAPI path under /api/v1, e.g. "/teams/{team}/incidents". */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** The scope a token needs in the path's team. */
  access: TokenAccess;
  params: P;
  query?: Q;
  body?: B;
  response: { status: 200 | 201; description: string; schema: R; contentType?: string; example?: unknown };
  /** Statuses this operation may answer besides the ones every operation may (401, 404, 429). */
  errors: number[];
  /** Example request body for the reference page. */
  example?: unknown;
  // A method, not a function property: method parameters are bivariant, so a list of endpoints of
  // different shapes can be typed as Endpoint without `any`.
  run(ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<ApiResult<z.input<R>>>;
};

/** Keeps each endpoint's types while letting lists of endpoints mix them. */
export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(endpoint: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return endpoint;
}
