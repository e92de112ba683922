import { describe, expect, it } from "vitest";
import pg from "pg";
import { createPrismaClient, db } from "@/lib/db";
import { toErrorBody } from "@/lib/errors";
import { isDatabaseUnreachable } from "@/lib/outage/unreachable";
import { createUser } from "@/lib/testing/factories";

const failure = (work: Promise<unknown>) => work.then(() => null, (error: unknown) => error);

describe("telling an unreachable database from a refused query", () => {
  it("recognises a refused connection through Prisma and through pg, and says so to users", async () => {
    // Nothing listens on this port (the cluster helper's range; the tests' own servers use others).
    const nowhere = "postgresql://postgres@127.0.0.1:5469/nowhere";
    const client = createPrismaClient(nowhere, 1);
    const viaPrisma = await failure(client.user.count());
    await client.$disconnect();
    const raw = new pg.Client({ connectionString: nowhere });
    const viaPg = await failure(raw.connect());
    expect(isDatabaseUnreachable(viaPrisma)).toBe(true);
    expect(isDatabaseUnreachable(viaPg)).toBe(true);
    expect(toErrorBody(viaPrisma)).toEqual({ code: "UNAVAILABLE", message: "Hindsight can't reach its database, retrying. Nothing was changed; send it again in a moment." });
  });

  it("does not mistake a refused query for an outage", async () => {
    const user = await createUser();
    const duplicate = await failure(createUser({ email: user.email }));
    expect(duplicate).not.toBeNull();
    expect(isDatabaseUnreachable(duplicate)).toBe(false);
    expect(isDatabaseUnreachable(await failure(db().$queryRawUnsafe("SELECT * FROM no_such_table")))).toBe(false);
    expect(toErrorBody(duplicate).code).toBe("INTERNAL");
  });
});
