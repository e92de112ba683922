import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/pagination";
import { expectIndexed as expectIndexedOn } from "@/lib/testing/explain";
import { createTeamWith } from "@/lib/testing/factories";
import { createAlertSource } from "@/lib/alerts/mutations";
import { ALERT_PAGE_SIZE, listAlerts, recentDeliveries } from "@/lib/alerts/queries";
import { alertFiltersSchema } from "@/lib/alerts/schema";
import { processPendingDeliveries, pruneDeliveries } from "@/lib/alerts/process";
import { alertsChangedSince } from "@/lib/alerts/live";

/** The alerts page and the intake's lookups stay index-served once alerts and deliveries pile up. */
const GROWN = ["Alert", "AlertDelivery"];
const expectIndexed = (work: () => Promise<unknown>) => expectIndexedOn(GROWN, work);
const filters = (input: Record<string, unknown> = {}) => alertFiltersSchema.parse(input);

let teamId = "";
let sourceId = "";
let actor: { userId: string; teamId: string; role: "OWNER" } = { userId: "", teamId: "", role: "OWNER" };

beforeAll(async () => {
  const teams = await Promise.all([1, 2, 3, 4].map(() => createTeamWith()));
  for (const { team, owner } of teams) {
    const sources = await Promise.all([1, 2, 3].map((n) => createAlertSource(owner.userId, { teamId: team.id, name: `S${n}`, format: "AUTO", authMode: "BEARER" })));
    for (const source of sources) {
      await db().$executeRaw`
        INSERT INTO "Alert" ("id", "teamId", "sourceId", "dedupKey", "openKey", "status", "title", "startsAt", "firstSeenAt", "lastSeenAt", "updatedAt")
        SELECT ${source.id} || '-' || g, ${team.id}, ${source.id}, 'k' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'k' || g END,
               (CASE WHEN g % 3 = 0 THEN 'RESOLVED' WHEN g % 7 = 0 THEN 'ACKNOWLEDGED' ELSE 'FIRING' END)::"AlertStatus",
               'Alert ' || g, now() - g * interval '1 minute', now() - g * interval '1 minute', now() - g * interval '30 seconds', now() - g * interval '30 seconds'
          FROM generate_series(1, 1500) g`;
      await db().$executeRaw`
        INSERT INTO "AlertDelivery" ("id", "teamId", "sourceId", "receivedAt", "body", "bodyHash", "status")
        SELECT ${source.id} || '-d' || g, ${team.id}, ${source.id}, now() - g * interval '10 seconds', '{}', 'h', 'PROCESSED'::"AlertDeliveryStatus"
          FROM generate_series(1, 1500) g`;
    }
  }
  await db().$executeRawUnsafe(`ANALYZE "Alert"`);
  await db().$executeRawUnsafe(`ANALYZE "AlertDelivery"`);
  const first = teams[1]!;
  teamId = first.team.id;
  actor = { userId: first.owner.userId, teamId, role: "OWNER" };
  sourceId = (await db().alertSource.findFirstOrThrow({ where: { teamId }, select: { id: true } })).id;
}, 180_000);

describe("index-served alert queries on a grown data set", () => {
  it("the alerts page, unfiltered and by each filter", async () => {
    await expectIndexed(() => listAlerts(actor, teamId, filters()));
    await expectIndexed(() => listAlerts(actor, teamId, filters({ status: "FIRING" })));
    await expectIndexed(() => listAlerts(actor, teamId, filters({ source: sourceId })));
    await expectIndexed(() => listAlerts(actor, teamId, filters({ inbox: "1" })));
  });

  it("a later page, by keyset", async () => {
    const [row] = await db().$queryRaw<{ lastSeenAt: Date; id: string }[]>`
      SELECT "lastSeenAt", id FROM "Alert" WHERE "teamId" = ${teamId} ORDER BY "lastSeenAt" DESC, id DESC OFFSET ${20 * ALERT_PAGE_SIZE - 1} LIMIT 1`;
    const after = encodeCursor({ at: row!.lastSeenAt.toISOString(), id: row!.id });
    const page = await listAlerts(actor, teamId, filters({ after }));
    expect(page.items).toHaveLength(ALERT_PAGE_SIZE);
    await expectIndexed(() => listAlerts(actor, teamId, filters({ after, status: "FIRING" })));
  });

  it("a live page's catch-up check", async () => {
    await expectIndexed(() => alertsChangedSince(teamId, new Date()));
  });

  it("the mapping preview's last deliveries and the pending sweep", async () => {
    await expectIndexed(() => recentDeliveries(actor, teamId, sourceId));
    await expectIndexed(() => processPendingDeliveries(new Date(0)));
    await expectIndexed(() => pruneDeliveries(new Date(0)));
  });
});
