import http from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { OIDC_E2E } from "./oidc-config";

/** Consent is not what these tests are about: every sign-in is granted the scopes it asks for. */
async function grantEverything(ctx: KoaContextWithOIDC) {
  const { Grant } = ctx.oidc.provider;
  const clientId = ctx.oidc.client?.clientId ?? "";
  const existing = ctx.oidc.session?.grantIdFor(clientId);
  if (existing) return Grant.find(existing);
  const grant = new Grant({ clientId, accountId: ctx.oidc.session?.accountId });
  grant.addOIDCScope("openid email profile");
  await grant.save();
  return grant;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback. Its development login form accepts
 * any login and password; the login is used as the subject and as the (verified) email.
 */
export async function startOidcIssuer(): Promise<{ stop: () => Promise<void> }> {
  const provider = new Provider(OIDC_E2E.issuer, {
    clients: [
      {
        client_id: OIDC_E2E.clientId,
        client_secret: OIDC_E2E.clientSecret,
        redirect_uris: [`${OIDC_E2E.appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["hindsight-e2e-oidc-cookie-key"] },
    loadExistingGrant: grantEverything,
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, email: sub, email_verified: true, name: `IdP ${sub.split("@")[0]}` };
        },
      };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(OIDC_E2E.port, "127.0.0.1", resolve);
  });
  return {
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
