import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { db } from "@/lib/db";
import { createTeamWith } from "@/lib/testing/factories";
import { createAlertSource, rotateAlertSecret, updateAlertSource } from "@/lib/alerts/mutations";
import { MAX_BODY_BYTES, SOURCE_LIMIT } from "@/lib/alerts/intake";
import { signBody } from "@/lib/alerts/secrets";
import { startIntakeServer } from "@/lib/alerts/testing/intake-server";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

let server: Awaited<ReturnType<typeof startIntakeServer>>;
beforeAll(async () => {
  server = await startIntakeServer();
});
afterAll(() => server.close());

async function newSource(options: { format?: string; authMode?: string } = {}) {
  const { team, owner } = await createTeamWith();
  const source = await createAlertSource(owner.userId, { teamId: team.id, name: "Prometheus", format: options.format ?? "AUTO", authMode: options.authMode ?? "BEARER" });
  return { team, owner, source };
}

function post(sourceId: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  return fetch(server.url(sourceId), { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe("alert intake: refusals", () => {
  it("answers 401 without a reason for a wrong, missing or unknown secret", async () => {
    const { source } = await newSource();
    const body = fixture("alertmanager-firing.json");
    const responses = await Promise.all([
      post(source.id, body, bearer("hsa_wrong")),
      post(source.id, body),
      post("no-such-source", body, bearer(source.secret)),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Unauthorized." } });
    }
    expect(await db().alertDelivery.count({ where: { sourceId: source.id } })).toBe(0);
  });

  it("refuses a disabled source like a wrong secret", async () => {
    const { team, owner, source } = await newSource();
    await updateAlertSource(owner.userId, { teamId: team.id, sourceId: source.id, version: 1, name: "Prometheus", format: "AUTO", authMode: "BEARER", mapping: "", rules: "[]", enabled: "" });
    expect((await post(source.id, fixture("alertmanager-firing.json"), bearer(source.secret))).status).toBe(401);
  });

  it("answers 413 for a body over 1 MB, counted as it streams (no Content-Length)", async () => {
    const { source } = await newSource();
    const big = `{"pad":"${"x".repeat(MAX_BODY_BYTES)}"}`;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(server.url(source.id), { method: "POST", headers: { ...bearer(source.secret), "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(await db().alertDelivery.count({ where: { sourceId: source.id } })).toBe(0);
  });

  it("answers 422 with a readable message for malformed JSON, invalid UTF-8 and a wrong shape", async () => {
    const { source } = await newSource({ format: "ALERTMANAGER" });
    const malformed = await post(source.id, '{"alerts": [', bearer(source.secret));
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.message).toMatch(/not valid JSON/);

    const invalidUtf8 = await post(source.id, new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), bearer(source.secret));
    expect(invalidUtf8.status).toBe(422);
    expect((await invalidUtf8.json()).error.message).toBe("The body is not valid UTF-8.");

    const wrongShape = await post(source.id, JSON.stringify({ version: "4", alerts: "nope" }), bearer(source.secret));
    expect(wrongShape.status).toBe(422);
    expect((await wrongShape.json()).error.message).toMatch(/^Not an Alertmanager webhook: alerts: /);

    const pagerDuty = await newSource({ format: "PAGERDUTY" });
    const noKey = await post(pagerDuty.source.id, JSON.stringify({ event_action: "resolve" }), bearer(pagerDuty.source.secret));
    expect(noKey.status).toBe(422);
    expect((await noKey.json()).error.message).toMatch(/dedup_key is required for resolve events/);
  });

  it("answers 429 with Retry-After once the source's shared budget is spent", async () => {
    const { source } = await newSource();
    // Spend the current window's budget as other app instances would have (the same table).
    await db().$executeRaw`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
      VALUES (${`alerts:${source.id}`}, to_timestamp(floor(extract(epoch FROM clock_timestamp()) * 1000 / ${SOURCE_LIMIT.windowMs}::int) * ${SOURCE_LIMIT.windowMs}::int / 1000.0), ${SOURCE_LIMIT.max})`;
    const response = await post(source.id, fixture("alertmanager-firing.json"), bearer(source.secret));
    if (response.status === 202) return; // the window rolled over between the two statements: nothing to assert
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(SOURCE_LIMIT.windowMs / 1000);
  });
});

describe("alert intake: authentication", () => {
  it("accepts an HMAC-SHA256 signature of the raw body and refuses a signature of another body", async () => {
    const { source } = await newSource({ authMode: "HMAC" });
    const body = fixture("pagerduty-trigger.json");
    expect((await post(source.id, body, { "x-hindsight-signature": signBody(source.secret, Buffer.from(body)) })).status).toBe(202);
    expect((await post(source.id, body, { "x-hindsight-signature": signBody(source.secret, Buffer.from(`${body} `)) })).status).toBe(401);
    expect((await post(source.id, body, bearer(source.secret))).status).toBe(401);
  });

  it("keeps the previous secret working until the overlap window ends", async () => {
    const { team, owner, source } = await newSource();
    const rotated = await rotateAlertSecret(owner.userId, { teamId: team.id, sourceId: source.id });
    const body = fixture("pagerduty-trigger.json");
    expect((await post(source.id, body, bearer(source.secret))).status).toBe(202);
    expect((await post(source.id, body, bearer(rotated.secret))).status).toBe(202);
    await db().alertSource.update({ where: { id: source.id }, data: { previousExpiresAt: new Date(Date.now() - 1000) } });
    expect((await post(source.id, body, bearer(source.secret))).status).toBe(401);
    expect((await post(source.id, body, bearer(rotated.secret))).status).toBe(202);
  });

  it("takes a PagerDuty-style routing_key as the secret when no Authorization header is sent", async () => {
    const { source } = await newSource();
    const event = { ...JSON.parse(fixture("pagerduty-trigger.json")), routing_key: source.secret };
    const response = await post(source.id, JSON.stringify(event));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "success", dedup_key: "srv01/disk-full" });
  });
});

describe("alert intake: storage", () => {
  it("stores a retried delivery with the same Idempotency-Key once and counts it once", async () => {
    const { source } = await newSource();
    const body = fixture("alertmanager-firing.json");
    const headers = { ...bearer(source.secret), "idempotency-key": "am-retry-1" };
    const [first, second] = [await post(source.id, body, headers), await post(source.id, body, headers)];
    expect([first.status, second.status]).toEqual([202, 202]);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.deliveryId).toBe(a.deliveryId);
    await server.settle();
    expect(await db().alertDelivery.count({ where: { sourceId: source.id } })).toBe(1);
    const alerts = await db().alert.findMany({ where: { sourceId: source.id }, select: { count: true } });
    expect(alerts.map((x) => x.count)).toEqual([1, 1]);
  });

  it("stores the raw body before answering, and a rejected one with its reason", async () => {
    const { source } = await newSource({ format: "GENERIC" });
    const response = await post(source.id, fixture("generic.json"), bearer(source.secret));
    expect(response.status).toBe(422);
    const [delivery] = await db().alertDelivery.findMany({ where: { sourceId: source.id } });
    expect(delivery?.status).toBe("REJECTED");
    expect(delivery?.error).toMatch(/no mapping yet/);
    expect(JSON.parse(delivery?.body ?? "{}")).toEqual(JSON.parse(fixture("generic.json")));
  });
});
