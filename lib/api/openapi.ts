import { z } from "zod";
import type { Endpoint } from "@/lib/api/endpoint";
import { ENDPOINTS } from "@/lib/api/registry";
import { errorSchema } from "@/lib/api/resources/common";
import { API_LIMIT } from "@/lib/api/rate-limit";
import { IDEMPOTENCY_TTL_HOURS } from "@/lib/api/idempotency";

export type JsonSchema = { [key: string]: unknown };
type Io = "input" | "output";

export const API_BASE = "/api/v1";

const STATUS_TEXT: Record<number, string> = {
  400: "A path or query parameter is invalid, or the body is not JSON.",
  401: "No valid token: missing, unknown, expired or revoked.",
  403: "The token's scope or its holder's role does not allow this.",
  404: "No such team, incident, task or postmortem — or the token has no scope for the team.",
  409: "Someone saved a newer version (the message names who), or a request with the same Idempotency-Key is still running.",
  412: "No version given (If-Match or `version`), or it is malformed.",
  413: "The body is larger than 1 MB.",
  415: "The body is not sent as application/json.",
  422: "The body breaks a rule (see `fields`), or the Idempotency-Key was used for a different request.",
  429: "Too many requests with this token; Retry-After says when to try again.",
};
const ALWAYS = [401, 404, 429];

/**
 * Schemas with an id (`.meta({ id })`) become components; zod writes them as local $defs, which
 * are moved to #/components/schemas so every operation refers to one definition.
 */
function collect(schema: z.ZodType, io: Io, components: Record<string, JsonSchema>): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = generated;
  const retarget = (value: JsonSchema) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    const next = retarget(definition);
    const existing = components[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(next)) throw new Error(`Schema id ${id} is used with two shapes (input and output?)`);
    components[id] = next;
  }
  return retarget(rest);
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query", components: Record<string, JsonSchema>) {
  if (!schema) return [];
  const object = collect(schema, "input", components);
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries((object.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
      ...(where === "query" ? { style: "form", explode: true } : {}),
    };
  });
}

const headerParams = (endpoint: Endpoint) => [
  ...(endpoint.method === "POST"
    ? [{ name: "Idempotency-Key", in: "header", required: false, description: `Any unique string (a UUID). A retry with the same key and body within ${IDEMPOTENCY_TTL_HOURS} hours gets the first response again (header Idempotent-Replayed: true) instead of doing the work twice.`, schema: { type: "string", maxLength: 255 } }]
    : []),
  ...(endpoint.method === "PATCH" ? [{ name: "If-Match", in: "header", required: false, description: "The version you read (the ETag), e.g. \"3\". Required unless the body has `version`.", schema: { type: "string" } }] : []),
];

const rateLimitHeaders = {
  "RateLimit-Limit": { description: `Requests allowed per token per window (${API_LIMIT.max} a minute).`, schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in this window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
};

function operation(endpoint: Endpoint, components: Record<string, JsonSchema>) {
  const { response } = endpoint;
  const errors = [...new Set([...ALWAYS, ...endpoint.errors])].sort();
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    "x-scope": endpoint.access.toLowerCase(),
    parameters: [...parameters(endpoint.params, "path", components), ...parameters(endpoint.query, "query", components), ...headerParams(endpoint)],
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: collect(endpoint.body, "input", components), ...(endpoint.example ? { example: endpoint.example } : {}) } } } }
      : {}),
    responses: {
      [String(response.status)]: {
        description: response.description,
        headers: { ...rateLimitHeaders, ...(response.schema instanceof z.ZodObject && "version" in response.schema.shape ? { ETag: { description: "The version, for If-Match.", schema: { type: "string" } } } : {}) },
        content: { [response.contentType ?? "application/json"]: { schema: collect(response.schema, "output", components) } },
      },
      ...Object.fromEntries(errors.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

export type Operation = ReturnType<typeof operation>;
export type Parameter = Operation["parameters"][number];

/** The OpenAPI 3.1 document, generated from the endpoints' own zod schemas. */
export function buildOpenApi(endpoints: Endpoint[] = ENDPOINTS) {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Partial<Record<Lowercase<Endpoint["method"]>, Operation>>> = {};
  for (const endpoint of endpoints) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase() as Lowercase<Endpoint["method"]>] = operation(endpoint, components);
  }
  const errorRef = collect(errorSchema, "output", components);
  const statuses = [...new Set(Object.keys(STATUS_TEXT).map(Number))];
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Hindsight API",
      version: "1",
      description: "Read and write incidents, timelines, tasks and postmortems with a personal or service token.",
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal token (hs_pat_…, Account settings → API tokens) or a team's service token (hs_svc_…, team Settings → API tokens)." },
      },
      schemas: components,
      responses: Object.fromEntries(
        statuses.map((status) => [`Error${status}`, { description: STATUS_TEXT[status], headers: rateLimitHeaders, content: { "application/json": { schema: errorRef } } }]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;

export const STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = STATUS_TEXT;
