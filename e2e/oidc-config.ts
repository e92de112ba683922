const e2ePort = Number(process.env.E2E_PORT ?? 3100);
// Not E2E_PORT + 200: with the default port that would be 3306, MySQL's, which is often taken.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? e2ePort + 201);

/** The local OpenID Connect issuer the app is configured with in e2e (playwright.config.ts). */
export const OIDC_E2E = {
  port: oidcPort,
  issuer: `http://127.0.0.1:${oidcPort}`,
  clientId: "hindsight-e2e",
  clientSecret: "hindsight-e2e-oidc-client-secret",
  name: "Test SSO",
  appUrl: `http://localhost:${e2ePort}`,
};
