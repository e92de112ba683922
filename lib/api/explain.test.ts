import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateSecret, listPersonalTokens, listServiceTokens } from "@/lib/api/tokens/queries";
import { claimIdempotencyKey, requestHash } from "@/lib/api/idempotency";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";
import { personalToken } from "@/lib/api/testing/fixtures";

/** Every API request looks its token up, and POSTs their idempotency keys: both among many. */
const GROWN = ["ApiToken", "ApiTokenScope", "ApiIdempotencyKey"];
let ctx: Awaited<ReturnType<typeof createTeamWith>>;
let secret = "";

beforeAll(async () => {
  ctx = await createTeamWith();
  secret = await personalToken(ctx.owner.userId, { [ctx.team.id]: "WRITE" });
  // Everyone else's tokens: the lists must find this user's and this team's among them.
  const others = await createTeamWith();
  await db().$executeRawUnsafe(`
    INSERT INTO "ApiToken" (id, kind, name, prefix, hash, "userId", "teamId", "createdAt")
    SELECT 'tok-' || g, CASE WHEN g % 2 = 0 THEN 'SERVICE' ELSE 'PERSONAL' END::"ApiTokenKind", 'Other', 'hs_pat_xxxx', md5(g::text) || md5((g + 1)::text),
           $1, CASE WHEN g % 2 = 0 THEN $2 ELSE NULL END, now() - g * interval '1 minute'
    FROM generate_series(1, 20000) g`, others.owner.userId, others.team.id);
  await db().$executeRawUnsafe(`INSERT INTO "ApiTokenScope" ("tokenId", "teamId", access) SELECT 'tok-' || g, $1, 'READ' FROM generate_series(1, 20000) g`, others.team.id);
  await db().$executeRawUnsafe(`INSERT INTO "ApiIdempotencyKey" ("tokenId", key, "requestHash", status, body) SELECT 'tok-' || (g % 20000 + 1), 'k' || g, 'h', 201, '{}' FROM generate_series(1, 40000) g`);
  await db().$executeRawUnsafe(`ANALYZE "ApiToken"; ANALYZE "ApiTokenScope"; ANALYZE "ApiIdempotencyKey";`);
}, 120_000);

const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);

describe("API token queries on a grown data set", () => {
  it("authenticating a request", async () => {
    expect(await authenticateSecret(secret)).not.toBeNull();
    await expectIndexed(() => authenticateSecret(secret));
  });

  it("the token lists (a user's, a team's)", async () => {
    const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
    await expectIndexed(() => listPersonalTokens(ctx.owner.userId));
    await expectIndexed(() => listServiceTokens(actor, ctx.team.id));
  });

  it("claiming and replaying an Idempotency-Key", async () => {
    const hash = requestHash("POST", "/x", "{}");
    await expectIndexed(() => claimIdempotencyKey("tok-1", "explain-key", hash));
  });
});
