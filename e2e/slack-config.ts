const e2ePort = Number(process.env.E2E_PORT ?? 3100);

/** The fake Slack Web API e2e/webhooks.spec.ts starts; the e2e server reaches it through SLACK_API_URL (playwright.config.ts). */
export const E2E_SLACK_PORT = Number(process.env.E2E_SLACK_PORT ?? e2ePort + 1000);
