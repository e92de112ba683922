const e2ePort = Number(process.env.E2E_PORT ?? 3100);

/** The local OpenID Connect issuer the app is configured with in e2e (playwright.config.ts). */
export const OIDC_E2E = {
  port: e2ePort + 200,
  issuer: `http://127.0.0.1:${e2ePort + 200}`,
  clientId: "hindsight-e2e",
  clientSecret: "hindsight-e2e-oidc-client-secret",
  name: "Test SSO",
  appUrl: `http://localhost:${e2ePort}`,
};
