import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { linkIntentOwner, sealLinkIntent } from "@/lib/auth/link-intent";

const ada = { id: "user-ada", sessionId: "session-1" };

describe("link intents", () => {
  it("belong to the user and session that asked, for the provider they named", async () => {
    const sealed = await sealLinkIntent(ada, "oidc");
    expect(await linkIntentOwner(sealed, ada, "oidc")).toBe("user-ada");
  });

  it("are nobody's in another session, for another user or another provider, or signed out", async () => {
    const sealed = await sealLinkIntent(ada, "oidc");
    expect(await linkIntentOwner(sealed, { ...ada, sessionId: "session-2" }, "oidc")).toBeNull();
    expect(await linkIntentOwner(sealed, { id: "user-eve", sessionId: "session-1" }, "oidc")).toBeNull();
    expect(await linkIntentOwner(sealed, ada, "github")).toBeNull();
    expect(await linkIntentOwner(sealed, null, "oidc")).toBeNull();
  });

  it("are nobody's once expired, forged, or made with the session key", async () => {
    expect(await linkIntentOwner(await sealLinkIntent(ada, "oidc", -60), ada, "oidc")).toBeNull();
    expect(await linkIntentOwner("not-a-token", ada, "oidc")).toBeNull();
    const sessionKeyed = await encode({
      token: { linkUserId: ada.id, linkSessionId: ada.sessionId, linkProvider: "oidc" },
      secret: env().NEXTAUTH_SECRET,
    });
    expect(await linkIntentOwner(sessionKeyed, ada, "oidc")).toBeNull();
  });
});
