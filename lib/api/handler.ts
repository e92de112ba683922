import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, isAppError, statusOf, toErrorBody } from "@/lib/errors";
import { isRateLimited } from "@/lib/auth/rate-limit";
import type { TokenGrant } from "@/lib/authz";
import { loadActor } from "@/lib/teams/actor";
import { authenticateSecret } from "@/lib/api/tokens/queries";
import { runAsToken } from "@/lib/api/tokens/grant-context";
import { countRequest } from "@/lib/api/rate-limit";
import { parseBody, parseParams, queryToObject, readJsonBody } from "@/lib/api/request";
import { claimIdempotencyKey, releaseIdempotencyKey, requestHash, settleIdempotencyKey } from "@/lib/api/idempotency";
import type { ApiResult, ApiTeam, Endpoint } from "@/lib/api/endpoint";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const BASE_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** Every failure has this shape: `{ error: { code, message, fields } }`. */
export function errorResponse(error: unknown, headers: Record<string, string>): Response {
  const body = toErrorBody(error);
  const extra: Record<string, string> = {};
  if (body.code === "UNAUTHENTICATED") extra["WWW-Authenticate"] = 'Bearer realm="hindsight-api"';
  if (isRateLimited(error)) extra["Retry-After"] = String(error.retryAfterSeconds);
  return Response.json({ error: { code: body.code, message: body.message, fields: body.fields ?? {} } }, { status: statusOf(body), headers: { ...BASE_HEADERS, ...headers, ...extra } });
}

/**
 * The bearer token, and nothing else: API routes never read cookies, so a signed-in browser
 * cannot be made to call them (no CSRF), and a token never opens a page of the app.
 */
async function authenticate(request: Request): Promise<TokenGrant> {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  const grant = match?.[1] ? await authenticateSecret(match[1]) : null;
  if (!grant) throw new AppError("UNAUTHENTICATED", "Send a valid API token as Authorization: Bearer <token>. It may have expired or been revoked.");
  return grant;
}

/** Unknown teams and teams the token has no scope for look the same: ids reveal nothing. */
async function resolveTeam(slug: unknown, grant: TokenGrant): Promise<ApiTeam> {
  const team = typeof slug === "string" ? await db().team.findUnique({ where: { slug }, select: { id: true, slug: true, timeZone: true } }) : null;
  if (!team || !grant.scopes[team.id]) throw new AppError("NOT_FOUND", "This team was not found.");
  return team;
}

function toResponse(result: ApiResult<unknown>, headers: Record<string, string>): Response {
  const status = result.status ?? 200;
  if ("text" in result) return new Response(result.text, { status, headers: { ...BASE_HEADERS, ...headers, ...result.headers, "Content-Type": result.contentType } });
  return Response.json(result.json, { status, headers: { ...BASE_HEADERS, ...headers, ...result.headers } });
}

const noParams = z.object({});

/**
 * Turns an endpoint into a route handler: token → rate limit → path, team and scope → query →
 * body → Idempotency-Key (POST) → the endpoint's work, which calls lib/<domain> as the token's
 * actor. Every failure comes back in the one error shape with its status.
 */
export function handle(endpoint: Endpoint) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    try {
      const grant = await authenticate(request);
      const counted = await countRequest(grant.tokenId);
      limitHeaders = counted.headers;
      if (counted.refusal) throw counted.refusal;
      return await runAsToken(grant, () => serve(endpoint, request, context, grant, limitHeaders));
    } catch (error) {
      return errorResponse(error, limitHeaders);
    }
  };
}

async function serve(endpoint: Endpoint, request: Request, context: RouteContext, grant: TokenGrant, headers: Record<string, string>): Promise<Response> {
  const params = parseParams(endpoint.params, await context.params) as Record<string, unknown>;
  const team = await resolveTeam(params.team, grant);
  const actor = await loadActor(db(), grant.userId, team.id);
  if (!actor) throw new AppError("NOT_FOUND", "This team was not found.");
  if (endpoint.access === "WRITE" && grant.scopes[team.id] !== "WRITE") {
    throw new AppError("FORBIDDEN", "This token may only read in this team; writing needs a token with write access.");
  }
  const url = new URL(request.url);
  const query = parseParams(endpoint.query ?? noParams, queryToObject(url.searchParams));
  let bodyText = "";
  let input: Record<string, unknown> = {};
  let body: unknown = undefined;
  if (endpoint.body) {
    const read = await readJsonBody(request);
    bodyText = read.text;
    body = parseBody(endpoint.body, read.value);
    input = read.value as Record<string, unknown>;
  }
  const ctx = { grant, userId: grant.userId, team, actor, params, query, body, input, headers: request.headers };
  const key = endpoint.method === "POST" ? request.headers.get("idempotency-key") : null;
  if (key === null) return toResponse(await endpoint.run(ctx), headers);

  const stored = await claimIdempotencyKey(grant.tokenId, key, requestHash(endpoint.method, url.pathname, bodyText));
  if (stored) return Response.json(stored.body, { status: stored.status, headers: { ...BASE_HEADERS, ...headers, "Idempotent-Replayed": "true" } });
  try {
    const result = await endpoint.run(ctx);
    if ("text" in result) throw new Error("POST endpoints answer JSON");
    await settleIdempotencyKey(grant.tokenId, key, { status: result.status ?? 200, body: result.json });
    return toResponse(result, headers);
  } catch (error) {
    if (isAppError(error)) {
      const failure = toErrorBody(error);
      await settleIdempotencyKey(grant.tokenId, key, { status: statusOf(failure), body: { error: { code: failure.code, message: failure.message, fields: failure.fields ?? {} } } });
    } else {
      await releaseIdempotencyKey(grant.tokenId, key);
    }
    throw error;
  }
}
