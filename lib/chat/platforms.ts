/** Shared by the settings form (browser) and the schema, so it imports nothing server-only. */
export const CHAT_PLATFORMS = ["SLACK_WEBHOOK", "SLACK_BOT", "TEAMS", "MATTERMOST", "DISCORD", "GOOGLE_CHAT"] as const;

export const PLATFORM_LABEL: Record<(typeof CHAT_PLATFORMS)[number], string> = {
  SLACK_WEBHOOK: "Slack (incoming webhook)",
  SLACK_BOT: "Slack (bot token: one message per incident, updated)",
  TEAMS: "Microsoft Teams (workflow webhook)",
  MATTERMOST: "Mattermost (incoming webhook)",
  DISCORD: "Discord (webhook)",
  GOOGLE_CHAT: "Google Chat (webhook)",
};
