import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newWebhookSecret, signature, webhookHeaders } from "@/lib/webhooks/signing";

describe("Standard Webhooks signatures", () => {
  it("matches the specification's published test vector (standard-webhooks, libraries/go/webhook_test.go TestWebhookSign)", () => {
    const expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    expect(signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')).toBe(expected);
    expect(signature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')).toBe(expected);
  });

  it("agrees with the reference library in both directions", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: "incident.declared", version: 1, id: "evt_1", data: { title: "Ünïcode ✓" } });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([secret], "evt_1", timestamp, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(secret).sign("evt_1", new Date(timestamp * 1000), body)).toBe(headers["webhook-signature"]);
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("signs with both secrets during a rotation, so a receiver holding either one verifies", () => {
    const [old, current] = [newWebhookSecret(), newWebhookSecret()];
    const body = "{}";
    const headers = webhookHeaders([current, old], "evt_2", Math.floor(Date.now() / 1000), body);
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
  });
});
