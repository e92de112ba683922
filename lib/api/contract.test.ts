import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import { ENDPOINTS } from "@/lib/api/registry";
import { buildOpenApi, type JsonSchema } from "@/lib/api/openapi";
import { callApi, type ApiAnswer } from "@/lib/api/testing/call";
import { apiTeam, personalToken, VALID_REQUESTS } from "@/lib/api/testing/fixtures";

const document = buildOpenApi();
// Formats are checked by the patterns zod writes next to them; the document's own schemas decide.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** The schema the document promises for this operation and status, with the document's components to resolve $refs. */
function promised(operationId: string, status: number): JsonSchema {
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      if (operation?.operationId !== operationId) continue;
      const response = operation.responses[String(status)] as { $ref?: string; content?: Record<string, { schema: JsonSchema }> } | undefined;
      if (!response) throw new Error(`${operationId} does not document status ${status}`);
      const resolved = response.$ref ? (document.components.responses as Record<string, { content: Record<string, { schema: JsonSchema }> }>)[response.$ref.split("/").pop() ?? ""] : response;
      const schema = Object.values(resolved?.content ?? {})[0]?.schema;
      if (!schema) throw new Error(`${operationId} ${status} has no schema`);
      return { ...schema, components: document.components };
    }
  }
  throw new Error(`No operation ${operationId}`);
}

function expectConforms(operationId: string, answer: ApiAnswer) {
  const schema = promised(operationId, answer.status);
  const body = answer.json ?? answer.text;
  const validate = ajv.compile(schema);
  const valid = validate(body);
  expect(valid, `${operationId} ${answer.status}: ${ajv.errorsText(validate.errors)}\n${answer.text.slice(0, 500)}`).toBe(true);
}

describe("contract: every endpoint answers what the OpenAPI document says", () => {
  it("calls each operation for real and validates the success response", async () => {
    const fixture = await apiTeam([]);
    const token = await personalToken(fixture.owner.userId, { [fixture.team.id]: "WRITE" });
    for (const endpoint of ENDPOINTS) {
      const build = VALID_REQUESTS[endpoint.operationId];
      expect(build, `a valid request for ${endpoint.operationId}`).toBeDefined();
      if (!build) continue;
      const answer = await callApi(endpoint, { ...(await build(fixture)), token });
      expect(answer.status, `${endpoint.operationId}: ${answer.text.slice(0, 300)}`).toBe(endpoint.response.status);
      expectConforms(endpoint.operationId, answer);
      expect(answer.headers.get("ratelimit-limit")).toMatch(/^\d+$/);
    }
  });

  it("validates error responses of every operation against the Error schema", async () => {
    const fixture = await apiTeam([]);
    const token = await personalToken(fixture.owner.userId, { [fixture.team.id]: "WRITE" });
    for (const endpoint of ENDPOINTS) {
      const build = VALID_REQUESTS[endpoint.operationId];
      if (!build) continue;
      const valid = await build(fixture);
      const unauthenticated = await callApi(endpoint, valid);
      expect(unauthenticated.status).toBe(401);
      expectConforms(endpoint.operationId, unauthenticated);
      const missingTeam = await callApi(endpoint, { ...valid, token, params: { ...valid.params, team: "no-such-team" } });
      expect(missingTeam.status).toBe(404);
      expectConforms(endpoint.operationId, missingTeam);
      if (endpoint.body) {
        const invalid = await callApi(endpoint, { ...valid, token, body: { title: "", kind: "NOPE", severity: "SEV9", type: "NOPE", priority: "P9" } });
        expect([412, 422], `${endpoint.operationId}: ${invalid.text}`).toContain(invalid.status);
        expectConforms(endpoint.operationId, invalid);
      }
    }
  });

  it("has a route file for every operation and an operation for every route file", () => {
    const root = path.join(process.cwd(), "app/api/v1");
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "route.ts") routes.push(path.relative(root, dir).split(path.sep).join("/"));
      }
    };
    walk(root);
    const documented = new Set(ENDPOINTS.map((e) => e.path.slice(1).replace(/\{(\w+)\}/g, "[$1]")));
    expect(new Set(routes.filter((r) => r !== "openapi.json"))).toEqual(documented);
  });

  it("serves a valid OpenAPI 3.1 document with unique operation ids", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const served = (await GET().json()) as typeof document;
    expect(served.openapi).toBe("3.1.0");
    const ids = ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const schema of Object.values(served.components.schemas)) expect(() => ajv.compile({ ...schema, components: served.components })).not.toThrow();
  });
});
