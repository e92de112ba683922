import { db } from "@/lib/db";
import { safeRequest } from "@/lib/net/safe-request";
import type { EventEnvelope } from "@/lib/outbound/event-types";
import { fromError, fromResponse, type Outcome, type SendOptions } from "@/lib/outbound/outcome";
import { chatMessage } from "@/lib/chat/message";
import { discordPayload, googleChatPayload, mattermostPayload, slackPayload, teamsPayload } from "@/lib/chat/formats";
import type { ChatPlatform } from "@/lib/generated/prisma/enums";
import { openCredential } from "@/lib/crypto/stored-credential";

type Destination = { id: string; platform: ChatPlatform; webhookUrl: string | null; botToken: string | null; channel: string | null };

function webhookBody(destination: Destination, event: EventEnvelope): unknown {
  const message = chatMessage(event);
  switch (destination.platform) {
    case "SLACK_WEBHOOK":
    case "SLACK_BOT":
      return slackPayload(message);
    case "MATTERMOST":
      return mattermostPayload(message);
    case "TEAMS":
      return teamsPayload(message);
    case "DISCORD":
      return discordPayload(message);
    case "GOOGLE_CHAT":
      return googleChatPayload(message, event.data.incident?.id ?? event.id);
  }
}

async function post(url: string, body: unknown, options: SendOptions, headers: Record<string, string> = {}) {
  return safeRequest(url, { body: JSON.stringify(body), headers: { "content-type": "application/json; charset=utf-8", ...headers }, policy: options.policy });
}

type SlackAnswer = { ok?: boolean; error?: string; ts?: string; channel?: string };

function parseSlack(body: string): SlackAnswer {
  try {
    return JSON.parse(body) as SlackAnswer;
  } catch {
    return { ok: false, error: "answer was not JSON" };
  }
}

/**
 * Bot mode: the first message about an incident is posted and its `ts` kept; later events update
 * that message (chat.update), and postmortem events reply in its thread. Slack answers 200 with
 * `ok: false` on errors, so the body decides.
 */
async function sendSlackBot(destination: Destination, event: EventEnvelope, options: SendOptions): Promise<Outcome> {
  const incidentId = event.data.incident?.id;
  const ref = incidentId ? await db().chatMessageRef.findUnique({ where: { destinationId_incidentId: { destinationId: destination.id, incidentId } } }) : null;
  const payload = slackPayload(chatMessage(event));
  const updating = ref !== null && event.type.startsWith("incident.");
  const method = updating ? "chat.update" : "chat.postMessage";
  const body = updating ? { channel: ref.channel, ts: ref.ts, ...payload } : { channel: destination.channel, ...(ref ? { thread_ts: ref.ts } : {}), ...payload };
  const response = await post(`${options.slackApiUrl.replace(/\/$/, "")}/${method}`, body, options, { authorization: `Bearer ${openCredential(destination.botToken ?? "", "chat destination credential")}` });
  const answer = parseSlack(response.body);
  if (updating && answer.error === "message_not_found") {
    // Someone deleted the incident's message in Slack: forget it and post a fresh one.
    await db().chatMessageRef.deleteMany({ where: { destinationId: destination.id, incidentId: ref.incidentId } });
    return sendSlackBot(destination, event, options);
  }
  if (response.status !== 200 || !answer.ok) return fromResponse(response, false, `Slack ${method} failed: ${answer.error ?? `HTTP ${response.status}`}.`);
  if (!ref && incidentId && answer.ts && answer.channel) {
    await db().chatMessageRef.upsert({
      where: { destinationId_incidentId: { destinationId: destination.id, incidentId } },
      create: { destinationId: destination.id, incidentId, channel: answer.channel, ts: answer.ts },
      update: {},
    });
  }
  return fromResponse(response);
}

export async function sendChat(destination: Destination, event: EventEnvelope, options: SendOptions): Promise<Outcome> {
  const started = performance.now();
  try {
    if (destination.platform === "SLACK_BOT") return await sendSlackBot(destination, event, options);
    return fromResponse(await post(openCredential(destination.webhookUrl ?? "", "chat destination credential"), webhookBody(destination, event), options));
  } catch (error) {
    return fromError(error, started);
  }
}
