import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateIncident } from "@/lib/incidents/mutations";
import { createIncidentEndpoint, listIncidentsEndpoint, updateIncidentEndpoint } from "@/lib/api/resources/incidents";
import { updateTaskEndpoint } from "@/lib/api/resources/tasks";
import { createEventEndpoint, listEventsEndpoint } from "@/lib/api/resources/timeline";
import { API_LIMIT, rateLimitKey } from "@/lib/api/rate-limit";
import { MAX_BODY_BYTES } from "@/lib/api/request";
import { hashApiSecret } from "@/lib/api/tokens/secrets";
import { pruneApiState } from "@/lib/api/prune";
import { callApi, type ApiAnswer } from "@/lib/api/testing/call";
import { apiTeam, personalToken } from "@/lib/api/testing/fixtures";

async function writer() {
  const fixture = await apiTeam(["MEMBER"]);
  const token = await personalToken(fixture.owner.userId, { [fixture.team.id]: "WRITE" });
  return { ...fixture, token };
}

function expectError(answer: ApiAnswer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toContain("application/json");
  expect(answer.json).toEqual({ error: { code, message: expect.any(String), fields: expect.any(Object) } });
  return (answer.json as { error: { message: string; fields: Record<string, string[]> } }).error;
}

const incidentCount = (teamId: string) => db().incident.count({ where: { teamId } });

describe("errors: one shape, the right status", () => {
  it("400 for malformed JSON, parameters and cursors", async () => {
    const { team, token } = await writer();
    expectError(await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, rawBody: "{nope", headers: { "content-type": "application/json" } }), 400, "BAD_REQUEST");
    const badStatus = expectError(await callApi(listIncidentsEndpoint, { token, params: { team: team.slug }, query: "status=ON_FIRE" }), 400, "BAD_REQUEST");
    expect(Object.keys(badStatus.fields)).toEqual(["status"]);
    expectError(await callApi(listIncidentsEndpoint, { token, params: { team: team.slug }, query: "cursor=not-a-cursor" }), 400, "BAD_REQUEST");
    expectError(await callApi(listEventsEndpoint, { token, params: { team: team.slug, number: "abc" } }), 400, "BAD_REQUEST");
  });

  it("401 without a token, 404 for an unknown incident", async () => {
    const { team, token } = await writer();
    expectError(await callApi(listIncidentsEndpoint, { params: { team: team.slug } }), 401, "UNAUTHENTICATED");
    expectError(await callApi(listEventsEndpoint, { token, params: { team: team.slug, number: "999" } }), 404, "NOT_FOUND");
  });

  it("413 for a body over 1 MB, 415 for a body that is not JSON", async () => {
    const { team, token } = await writer();
    const huge = JSON.stringify({ title: "x", summary: "a".repeat(MAX_BODY_BYTES) });
    expectError(await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, rawBody: huge, headers: { "content-type": "application/json" } }), 413, "PAYLOAD_TOO_LARGE");
    expectError(await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, rawBody: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await incidentCount(team.id)).toBe(1);
  });

  it("422 with a message per field, nothing created", async () => {
    const { team, token } = await writer();
    const error = expectError(await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "  ", severity: "SEV9", startedAt: "yesterday" } }), 422, "VALIDATION");
    expect(Object.keys(error.fields).sort()).toEqual(["severity", "startedAt", "title"]);
    expectError(await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: ["not", "an", "object"] }), 422, "VALIDATION");
    expect(await incidentCount(team.id)).toBe(1);
  });

  it("429 with Retry-After past the per-token limit, counted in PostgreSQL", async () => {
    const { team, token } = await writer();
    const ok = await callApi(listIncidentsEndpoint, { token, params: { team: team.slug } });
    expect(ok.headers.get("ratelimit-limit")).toBe(String(API_LIMIT.max));
    expect(Number(ok.headers.get("ratelimit-remaining"))).toBe(API_LIMIT.max - 1);
    expect(Number(ok.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    const { id } = await db().apiToken.findUniqueOrThrow({ where: { hash: hashApiSecret(token) }, select: { id: true } });
    // Fill this window and the next, in case the minute turns during the test.
    await db().$executeRaw`UPDATE "RateLimitBucket" SET "count" = ${API_LIMIT.max} WHERE "key" = ${rateLimitKey(id)}`;
    await db().$executeRaw`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${rateLimitKey(id)}, date_trunc('minute', clock_timestamp()) + interval '1 minute', ${API_LIMIT.max}) ON CONFLICT DO NOTHING`;
    const refused = await callApi(listIncidentsEndpoint, { token, params: { team: team.slug } });
    expectError(refused, 429, "RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response to a retry and creates once", async () => {
    const { team, token } = await writer();
    const call = () => callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "Retried" }, headers: { "idempotency-key": "key-1" } });
    const first = await call();
    const again = await call();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await incidentCount(team.id)).toBe(2);
  });

  it("refuses the same key with a different body (422)", async () => {
    const { team, token } = await writer();
    await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "One" }, headers: { "idempotency-key": "key-2" } });
    const other = await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "Two" }, headers: { "idempotency-key": "key-2" } });
    expect(Object.keys(expectError(other, 422, "VALIDATION").fields)).toEqual(["Idempotency-Key"]);
    expect(await incidentCount(team.id)).toBe(2);
  });

  it("does the work once for parallel retries", async () => {
    const { team, token } = await writer();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "Parallel" }, headers: { "idempotency-key": "key-3" } })),
    );
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(await incidentCount(team.id)).toBe(2);
  });

  it("keeps keys per token, and remembers an expected failure", async () => {
    const { team, token, members } = await writer();
    const second = await personalToken(members.MEMBER!.userId, { [team.id]: "WRITE" });
    const missing = () => callApi(createEventEndpoint, { token, params: { team: team.slug, number: "999" }, body: { body: "Lost" }, headers: { "idempotency-key": "shared" } });
    expect((await missing()).status).toBe(404);
    const replayed = await missing();
    expectError(replayed, 404, "NOT_FOUND");
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    // Invalid input is refused before the key is claimed: fixing the body and retrying is a new request.
    const invalid = await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "" }, headers: { "idempotency-key": "fresh" } });
    expect(invalid.status).toBe(422);
    expect((await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "Fixed" }, headers: { "idempotency-key": "fresh" } })).status).toBe(201);
    const other = await callApi(createIncidentEndpoint, { token: second, params: { team: team.slug }, body: { title: "Theirs" }, headers: { "idempotency-key": "shared" } });
    expect(other.status).toBe(201);
  });
});

describe("updates and versions", () => {
  it("updates status and key moments with If-Match, and answers 409 naming who saved first", async () => {
    const { team, token, incident, members } = await writer();
    const params = { team: team.slug, number: String(incident.number) };
    const updated = await callApi(updateIncidentEndpoint, { token, params, headers: { "if-match": '"1"' }, body: { status: "MONITORING", detectedAt: "2026-11-30T09:15:00Z" } });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json).toMatchObject({ status: "MONITORING", version: 2, detectedAt: "2026-11-30T09:15:00.000Z" });
    expect((updated.json as { mitigatedAt: string | null }).mitigatedAt).not.toBeNull();
    expect(updated.headers.get("etag")).toBe('"2"');

    await db().user.update({ where: { id: members.MEMBER!.userId }, data: { name: "Rana" } });
    await updateIncident(members.MEMBER!.userId, { teamId: team.id, incidentId: incident.id, version: 2, title: "Renamed in the app" });
    const stale = await callApi(updateIncidentEndpoint, { token, params, headers: { "if-match": '"2"' }, body: { severity: "SEV1" } });
    expect(expectError(stale, 409, "CONFLICT").message).toContain("Rana");
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row).toMatchObject({ severity: "SEV3", title: "Renamed in the app", version: 3 });
    expect((await callApi(updateIncidentEndpoint, { token, params, body: { severity: "SEV1", version: 2 } })).status).toBe(409);
  });

  it("412 without a version, with a malformed If-Match, or when they disagree", async () => {
    const { team, token, incident } = await writer();
    const params = { team: team.slug, number: String(incident.number) };
    expectError(await callApi(updateIncidentEndpoint, { token, params, body: { severity: "SEV1" } }), 412, "PRECONDITION_FAILED");
    expectError(await callApi(updateIncidentEndpoint, { token, params, headers: { "if-match": "*" }, body: { severity: "SEV1" } }), 412, "PRECONDITION_FAILED");
    expectError(await callApi(updateIncidentEndpoint, { token, params, headers: { "if-match": '"1"' }, body: { severity: "SEV1", version: 2 } }), 412, "PRECONDITION_FAILED");
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).version).toBe(1);
  });

  it("updates a task's fields and status in one request, and refuses a stale one", async () => {
    const { team, token, taskId } = await writer();
    const params = { team: team.slug, taskId };
    const answer = await callApi(updateTaskEndpoint, { token, params, headers: { "if-match": '"1"' }, body: { title: "Page on checkout errors", status: "BLOCKED", reason: "Waiting for the metrics team" } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ title: "Page on checkout errors", status: "BLOCKED", version: 3 });
    expectError(await callApi(updateTaskEndpoint, { token, params, headers: { "if-match": '"1"' }, body: { title: "Stale" } }), 409, "CONFLICT");
    expectError(await callApi(updateTaskEndpoint, { token, params, headers: { "if-match": '"3"' }, body: {} }), 422, "VALIDATION");
  });
});

describe("pruning", () => {
  it("drops expired Idempotency-Keys and finished rate-limit windows, and keeps current ones", async () => {
    const { team, token } = await writer();
    await callApi(createIncidentEndpoint, { token, params: { team: team.slug }, body: { title: "Kept" }, headers: { "idempotency-key": "recent" } });
    const { id } = await db().apiToken.findUniqueOrThrow({ where: { hash: hashApiSecret(token) }, select: { id: true } });
    await db().apiIdempotencyKey.create({ data: { tokenId: id, key: "old", requestHash: "h", status: 201, body: {}, createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    await db().rateLimitBucket.create({ data: { key: rateLimitKey(id), windowStart: new Date(Date.now() - 3_600_000), count: 3 } });
    await pruneApiState(new Date());
    expect((await db().apiIdempotencyKey.findMany({ where: { tokenId: id } })).map((k) => k.key)).toEqual(["recent"]);
    expect(await db().rateLimitBucket.count({ where: { key: rateLimitKey(id) } })).toBe(1);
  });
});
