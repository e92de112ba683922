import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEndpoint, rotateSecret, sendTestEvent, setEndpointEnabled } from "@/lib/webhooks/mutations";
import { liveSecrets } from "@/lib/webhooks/send";
import { createDestination, updateDestination } from "@/lib/chat/mutations";
import { listDestinations } from "@/lib/chat/queries";
import { listEndpoints } from "@/lib/webhooks/queries";
import { redeliver } from "@/lib/outbound/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { openCredential, SEALED_PREFIX, sealCredential, UnreadableCredentialError } from "@/lib/crypto/stored-credential";
import { sealLegacyCredentials } from "@/lib/outbound/seal-legacy";

const URL_OK = "https://hooks.example.com/hindsight";

describe("managing webhook endpoints", () => {
  it("lets admins add an endpoint, shows its secret once, and refuses members and other teams", async () => {
    const { team, owner, members } = await createTeamWith(["ADMIN", "MEMBER"]);
    const other = await createTeamWith();
    const created = await createEndpoint(members.ADMIN!.userId, { teamId: team.id, url: URL_OK, events: ["incident.declared", "incident.resolved"] });
    expect(created.secret).toMatch(/^whsec_/);
    const [listed] = await listEndpoints({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed?.events).toEqual(["incident.declared", "incident.resolved"]);
    expect((await rejection(createEndpoint(members.MEMBER!.userId, { teamId: team.id, url: URL_OK }))).code).toBe("FORBIDDEN");
    expect((await rejection(sendTestEvent(other.owner.userId, { teamId: team.id, endpointId: created.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(sendTestEvent(other.owner.userId, { teamId: other.team.id, endpointId: created.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses private addresses and non-HTTP URLs with a field message", async () => {
    const { team, owner } = await createTeamWith();
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://0x7f.1/hook", "http://[::ffff:10.0.0.1]/", "ftp://example.com/x", "https://user:pw@example.com/"]) {
      const error = await rejection(createEndpoint(owner.userId, { teamId: team.id, url }));
      expect(error.fields?.url?.[0]).toBeTruthy();
    }
    expect(await db().webhookEndpoint.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("rotates the secret with both signing during the overlap, then only the new one", async () => {
    const { team, owner } = await createTeamWith();
    const { id, secret: first } = await createEndpoint(owner.userId, { teamId: team.id, url: URL_OK });
    const now = new Date();
    const { secret: second } = await rotateSecret(owner.userId, { teamId: team.id, endpointId: id }, now);
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(liveSecrets(endpoint, now)).toEqual([second, first]);
    expect(liveSecrets(endpoint, new Date(now.getTime() + 25 * 3600_000))).toEqual([second]);
  });

  it("queues a test event, and redelivers only failed deliveries, with the same id", async () => {
    const { team, owner } = await createTeamWith();
    const { id } = await createEndpoint(owner.userId, { teamId: team.id, url: URL_OK });
    const { eventId } = await sendTestEvent(owner.userId, { teamId: team.id, endpointId: id });
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { eventId, webhookEndpointId: id } });
    expect(delivery).toMatchObject({ type: "webhook.test", status: "PENDING" });
    await db().outboundDelivery.update({ where: { id: delivery.id }, data: { status: "DELIVERED", nextAttemptAt: new Date(Date.now() + 3600_000) } });
    expect((await rejection(redeliver(owner.userId, { teamId: team.id, deliveryId: delivery.id }))).code).toBe("CONFLICT");
    await db().outboundDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", attempts: 8 } });
    await setEndpointEnabled(owner.userId, { teamId: team.id, endpointId: id, enabled: "false" });
    expect((await rejection(redeliver(owner.userId, { teamId: team.id, deliveryId: delivery.id }))).message).toMatch(/Enable/);
    await setEndpointEnabled(owner.userId, { teamId: team.id, endpointId: id, enabled: "true" });
    await redeliver(owner.userId, { teamId: team.id, deliveryId: delivery.id });
    expect(await db().outboundDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "PENDING", attempts: 0, eventId });
    // Settled again, so the worker tests sharing this database have nothing of ours to send.
    await db().outboundDelivery.updateMany({ where: { teamId: team.id }, data: { status: "FAILED" } });
  });
});

describe("managing chat destinations", () => {
  it("needs a token and channel for a Slack bot, a URL otherwise, and never lists credentials in full", async () => {
    const { team, owner } = await createTeamWith();
    const bot = await rejection(createDestination(owner.userId, { teamId: team.id, name: "#incidents", platform: "SLACK_BOT", events: ["declared"] }));
    expect(Object.keys(bot.fields ?? {}).sort()).toEqual(["botToken", "channel"]);
    const hook = await rejection(createDestination(owner.userId, { teamId: team.id, name: "Teams", platform: "TEAMS", events: ["declared"] }));
    expect(Object.keys(hook.fields ?? {})).toEqual(["webhookUrl"]);
    const noEvents = await rejection(createDestination(owner.userId, { teamId: team.id, name: "Discord", platform: "DISCORD", webhookUrl: "https://discord.com/api/webhooks/1/abc" }));
    expect(noEvents.fields?.events).toBeTruthy();

    const webhookUrl = "https://discord.com/api/webhooks/123456/very-secret-token-value";
    const { id } = await createDestination(owner.userId, { teamId: team.id, name: "Discord", platform: "DISCORD", webhookUrl, events: ["declared", "resolved"], severities: ["SEV1", "SEV2"] });
    const [listed] = await listDestinations({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id);
    expect(JSON.stringify(listed)).not.toContain("very-secret-token-value");
    expect(listed).toMatchObject({ events: ["declared", "resolved"], severities: ["SEV1", "SEV2"] });

    // A blank credential on edit keeps the stored one.
    await updateDestination(owner.userId, { teamId: team.id, destinationId: id, name: "Discord ops", events: "resolved", webhookUrl: "" });
    const kept = await db().chatDestination.findUniqueOrThrow({ where: { id } });
    expect(kept).toMatchObject({ name: "Discord ops", events: ["resolved"], severities: [] });
    expect(openCredential(kept.webhookUrl!, "chat destination credential")).toBe(webhookUrl);
  });
});

describe("credentials at rest", () => {
  const hookUrl = "https://discord.com/api/webhooks/987654/chat-credential-XXXX";

  it("stores webhook secrets and chat credentials sealed, so a database dump does not reveal them", async () => {
    const { team, owner } = await createTeamWith();
    const { id, secret } = await createEndpoint(owner.userId, { teamId: team.id, url: URL_OK });
    await rotateSecret(owner.userId, { teamId: team.id, endpointId: id });
    const chat = await createDestination(owner.userId, { teamId: team.id, name: "#ops", platform: "DISCORD", webhookUrl: hookUrl, events: ["declared"] });
    const bot = await createDestination(owner.userId, { teamId: team.id, name: "#bot", platform: "SLACK_BOT", botToken: "xoxb-1234567890-abcdef", channel: "#ops-bot", events: ["declared"] });

    const rows = await db().$queryRaw<{ value: string | null }[]>`
      SELECT secret AS value FROM "WebhookEndpoint" WHERE id = ${id} UNION ALL SELECT "previousSecret" FROM "WebhookEndpoint" WHERE id = ${id}
      UNION ALL SELECT "webhookUrl" FROM "ChatDestination" WHERE id = ${chat.id} UNION ALL SELECT "botToken" FROM "ChatDestination" WHERE id = ${bot.id}`;
    const dump = JSON.stringify(rows);
    for (const plain of [secret, "whsec_", "chat-credential", "xoxb-"]) expect(dump).not.toContain(plain);
    expect(rows.every((row) => row.value?.startsWith(SEALED_PREFIX))).toBe(true);

    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(liveSecrets(endpoint, new Date())[1]).toBe(secret);
    const hints = (await listDestinations({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id)).map((d) => d.credentialHint);
    expect(hints).toEqual(["https://disc…XXXX", "xoxb-1234567…cdef"]);
  });

  it("seals credentials stored in plain text before sealing existed, and they keep working", async () => {
    const { team, owner } = await createTeamWith();
    const legacy = await db().webhookEndpoint.create({ data: { teamId: team.id, url: URL_OK, events: [], secret: "whsec_bGVnYWN5LXNlY3JldC1mb3ItdGVzdHM=" } });
    const chat = await db().chatDestination.create({ data: { teamId: team.id, name: "#old", platform: "DISCORD", webhookUrl: "https://discord.com/api/webhooks/1/legacy-token", events: [], severities: [] } });
    expect(liveSecrets(legacy, new Date())).toEqual(["whsec_bGVnYWN5LXNlY3JldC1mb3ItdGVzdHM="]);

    await sealLegacyCredentials();
    const sealedEndpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(sealedEndpoint.secret.startsWith(SEALED_PREFIX)).toBe(true);
    expect(liveSecrets(sealedEndpoint, new Date())).toEqual(["whsec_bGVnYWN5LXNlY3JldC1mb3ItdGVzdHM="]);
    const sealedChat = await db().chatDestination.findUniqueOrThrow({ where: { id: chat.id } });
    expect(openCredential(sealedChat.webhookUrl!, "chat destination credential")).toBe("https://discord.com/api/webhooks/1/legacy-token");
    const [hint] = (await listDestinations({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id)).map((d) => d.credentialHint);
    expect(hint).toBe("https://disc…oken");
  });

  it("says a credential sealed under another key cannot be read, instead of sending garbage", async () => {
    const { team, owner } = await createTeamWith();
    const foreign = sealCredential("https://hooks.example.com/x", "webhook signing secret");
    await db().chatDestination.create({ data: { teamId: team.id, name: "#moved", platform: "TEAMS", webhookUrl: foreign, events: [], severities: [] } });
    expect(() => openCredential(foreign, "chat destination credential")).toThrow(UnreadableCredentialError);
    const [hint] = (await listDestinations({ userId: owner.userId, teamId: team.id, role: "OWNER" }, team.id)).map((d) => d.credentialHint);
    expect(hint).toBe("unreadable: enter it again");
  });
});
