import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAlertEndpoint, getAlertSourceEndpoint, listAlertsEndpoint, listAlertSourcesEndpoint } from "@/lib/api/resources/alerts";
import { callApi } from "@/lib/api/testing/call";
import { apiTeam, personalToken } from "@/lib/api/testing/fixtures";

async function reader() {
  const fixture = await apiTeam(["VIEWER"]);
  const token = await personalToken(fixture.userOf("VIEWER"), { [fixture.team.id]: "READ" });
  return { ...fixture, token };
}

type AlertPage = { data: { id: string; status: string; source: { id: string }; incident: unknown }[]; nextCursor: string | null };

describe("alerts through the API", () => {
  it("lists the alerts with the page's filters, and one alert with its whole payload", async () => {
    const { team, token, alertSourceId, alertId } = await reader();
    const all = await callApi(listAlertsEndpoint, { token, params: { team: team.slug } });
    expect(all.status, all.text).toBe(200);
    const page = all.json as AlertPage;
    const stored = await db().alert.findMany({ where: { teamId: team.id }, select: { id: true } });
    expect(page.data.map((a) => a.id).sort()).toEqual(stored.map((a) => a.id).sort());
    expect(page.data.every((a) => a.status === "FIRING" && a.source.id === alertSourceId && a.incident === null)).toBe(true);
    expect(page.nextCursor).toBeNull();

    const resolved = await callApi(listAlertsEndpoint, { token, params: { team: team.slug }, query: "status=RESOLVED" });
    expect((resolved.json as AlertPage).data).toEqual([]);
    const otherSource = await callApi(listAlertsEndpoint, { token, params: { team: team.slug }, query: "source=nope" });
    expect((otherSource.json as AlertPage).data).toEqual([]);
    expect((await callApi(listAlertsEndpoint, { token, params: { team: team.slug }, query: "status=ON_FIRE" })).status).toBe(400);

    const one = await callApi(getAlertEndpoint, { token, params: { team: team.slug, alertId } });
    expect(one.status, one.text).toBe(200);
    const row = await db().alert.findUniqueOrThrow({ where: { id: alertId }, select: { payload: true, dedupKey: true } });
    expect(one.json).toMatchObject({ id: alertId, dedupKey: row.dedupKey, payload: row.payload });
    expect((await callApi(getAlertEndpoint, { token, params: { team: team.slug, alertId: "missing" } })).status).toBe(404);
  });

  it("shows sources to any reader without their secrets", async () => {
    const { team, token, alertSourceId } = await reader();
    const list = await callApi(listAlertSourcesEndpoint, { token, params: { team: team.slug } });
    expect(list.status, list.text).toBe(200);
    const one = await callApi(getAlertSourceEndpoint, { token, params: { team: team.slug, sourceId: alertSourceId } });
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({ id: alertSourceId, name: "Prometheus", format: "ALERTMANAGER", enabled: true, version: 2 });
    const stored = await db().alertSource.findUniqueOrThrow({ where: { id: alertSourceId }, select: { secretHash: true, secretSealed: true } });
    for (const text of [list.text, one.text]) {
      expect(text).not.toMatch(/secretHash|secretSealed|mapping|rules/);
      expect(text).not.toContain(stored.secretHash);
      expect(text).not.toContain(stored.secretSealed);
    }
  });
});
