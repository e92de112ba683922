import { z } from "zod";
import type { ChatPlatform } from "@/lib/generated/prisma/enums";

/* Payload shapes from each platform's documentation; a fake receiver answers 400 to anything else. */
const slackText = z.object({ type: z.enum(["mrkdwn", "plain_text"]), text: z.string().min(1).max(3000) });
const slackBlock = z.discriminatedUnion("type", [
  z.object({ type: z.literal("section"), text: slackText.optional(), fields: z.array(slackText).max(10).optional() }),
  z.object({ type: z.literal("actions"), elements: z.array(z.object({ type: z.literal("button"), text: slackText, url: z.url() })).min(1).max(25) }),
]);
export const slackMessage = z.object({ text: z.string().min(1), blocks: z.array(slackBlock).min(1).max(50) });
const mattermostMessage = z.object({
  text: z.string().min(1),
  attachments: z.array(z.object({ fallback: z.string(), color: z.string().regex(/^#[0-9a-f]{6}$/i), title: z.string(), title_link: z.url().optional(), fields: z.array(z.object({ title: z.string(), value: z.string(), short: z.boolean() })) })),
});
const teamsMessage = z.object({
  type: z.literal("message"),
  attachments: z.array(
    z.object({
      contentType: z.literal("application/vnd.microsoft.card.adaptive"),
      content: z.object({
        $schema: z.literal("http://adaptivecards.io/schemas/adaptive-card.json"),
        type: z.literal("AdaptiveCard"),
        version: z.string().regex(/^1\.\d$/),
        body: z.array(z.object({ type: z.enum(["TextBlock", "FactSet"]) })).min(1),
        actions: z.array(z.object({ type: z.literal("Action.OpenUrl"), title: z.string(), url: z.url() })),
      }),
    }),
  ).length(1),
});
const discordMessage = z.object({
  content: z.string().min(1).max(2000),
  embeds: z.array(z.object({ title: z.string().max(256), url: z.url().optional(), color: z.number().int().min(0).max(0xffffff), fields: z.array(z.object({ name: z.string().max(256), value: z.string().max(1024), inline: z.boolean() })).max(25) })).max(10),
  allowed_mentions: z.object({ parse: z.array(z.string()).length(0) }),
});
const googleChatMessage = z.object({
  text: z.string().min(1),
  cardsV2: z.array(z.object({ cardId: z.string().min(1), card: z.object({ header: z.object({ title: z.string(), subtitle: z.string() }), sections: z.array(z.object({ widgets: z.array(z.union([z.object({ decoratedText: z.object({ topLabel: z.string(), text: z.string() }) }), z.object({ buttonList: z.object({ buttons: z.array(z.object({ text: z.string(), onClick: z.object({ openLink: z.object({ url: z.url() }) }) })) }) })])) })) }) })),
});

export const CHAT_SHAPES: Record<Exclude<ChatPlatform, "SLACK_BOT">, { schema: z.ZodType; ok: { status: number; body?: string } }> = {
  SLACK_WEBHOOK: { schema: slackMessage, ok: { status: 200, body: "ok" } },
  MATTERMOST: { schema: mattermostMessage, ok: { status: 200, body: "ok" } },
  TEAMS: { schema: teamsMessage, ok: { status: 202 } },
  DISCORD: { schema: discordMessage, ok: { status: 204 } },
  GOOGLE_CHAT: { schema: googleChatMessage, ok: { status: 200, body: "{}" } },
};

