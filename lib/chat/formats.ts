import type { ChatMessage } from "@/lib/chat/message";

/** Slack's mrkdwn treats these three as control characters (api.slack.com "Formatting text"). */
function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Block Kit: a header, the facts as fields, and a link button; `text` is the notification fallback. */
export function slackPayload(message: ChatMessage) {
  const blocks: Record<string, unknown>[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${slackEscape(message.headline)}*\n${slackEscape(message.title)}` } },
  ];
  if (message.fields.length) blocks.push({ type: "section", fields: message.fields.map((f) => ({ type: "mrkdwn", text: `*${slackEscape(f.label)}*\n${slackEscape(f.value)}` })) });
  if (message.link) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: message.link.label }, url: message.link.url }] });
  return { text: slackEscape(message.text), blocks };
}

/** Mattermost takes Slack's incoming-webhook shape but not Block Kit, so the facts go in an attachment. */
export function mattermostPayload(message: ChatMessage) {
  return {
    text: `**${message.headline}**`,
    attachments: [
      {
        fallback: message.text,
        color: message.color,
        title: message.title,
        title_link: message.link?.url,
        fields: message.fields.map((f) => ({ title: f.label, value: f.value, short: true })),
      },
    ],
  };
}

/** A Teams workflow ("Post to a channel when a webhook request is received") takes a message with one Adaptive Card. */
export function teamsPayload(message: ChatMessage) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: message.headline, weight: "Bolder", size: "Medium", wrap: true },
            { type: "TextBlock", text: message.title, wrap: true },
            ...(message.fields.length ? [{ type: "FactSet", facts: message.fields.map((f) => ({ title: f.label, value: f.value })) }] : []),
          ],
          actions: message.link ? [{ type: "Action.OpenUrl", title: message.link.label, url: message.link.url }] : [],
        },
      },
    ],
  };
}

/** Discord webhook: content plus one embed; mentions are never parsed, so a title cannot ping @everyone. */
export function discordPayload(message: ChatMessage) {
  return {
    content: message.headline,
    embeds: [
      {
        title: message.title.slice(0, 256),
        url: message.link?.url,
        color: Number.parseInt(message.color.slice(1), 16),
        fields: message.fields.map((f) => ({ name: f.label, value: f.value.slice(0, 1024), inline: true })),
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** Google Chat incoming webhook: `text` for notifications plus a cardsV2 card. */
export function googleChatPayload(message: ChatMessage, cardId: string) {
  return {
    text: message.headline,
    cardsV2: [
      {
        cardId,
        card: {
          header: { title: message.headline, subtitle: message.title },
          sections: [
            {
              widgets: [
                ...message.fields.map((f) => ({ decoratedText: { topLabel: f.label, text: f.value } })),
                ...(message.link ? [{ buttonList: { buttons: [{ text: message.link.label, onClick: { openLink: { url: message.link.url } } }] } }] : []),
              ],
            },
          ],
        },
      },
    ],
  };
}
