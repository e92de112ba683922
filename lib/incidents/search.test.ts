import { describe, expect, it } from "vitest";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { listIncidents } from "@/lib/incidents/queries";
import { incidentFiltersSchema } from "@/lib/incidents/schema";
import { addEvent, deleteEvent, editEvent } from "@/lib/timeline/mutations";
import { startPostmortem } from "@/lib/postmortems/mutations";
import { createTeamWith } from "@/lib/testing/factories";
import { writeEverySection } from "@/lib/testing/postmortems";

const filters = (q: string) => incidentFiltersSchema.parse({ q });

async function searchTeam() {
  const ctx = await createTeamWith();
  const actor = { userId: ctx.owner.userId, teamId: ctx.team.id, role: "OWNER" as const };
  const search = async (q: string) => (await listIncidents(actor, ctx.team.id, filters(q), ctx.team.timeZone)).items.map((i) => i.title);
  const declare = (title: string) => declareIncident(ctx.owner.userId, { teamId: ctx.team.id, title });
  const note = (incidentId: string, body: string) => addEvent(ctx.owner.userId, { teamId: ctx.team.id, incidentId, kind: "NOTE", body });
  return { ...ctx, search, declare, note };
}

describe("full-text search over an incident's texts together", () => {
  it("matches words split between the title and a timeline entry", async () => {
    const t = await searchTeam();
    const hit = await t.declare("Checkout latency spike");
    await t.note(hit.id, "Rolled back the kafka consumer");
    const miss = await t.declare("Checkout outage");
    await t.note(miss.id, "Nothing about queues here");
    expect(await t.search("checkout kafka")).toEqual(["Checkout latency spike"]);
  });

  it("matches words split between two timeline entries and a write-up", async () => {
    const t = await searchTeam();
    const hit = await t.declare("Database trouble");
    await t.note(hit.id, "Replica lag grew");
    await t.note(hit.id, "Vacuum was stuck");
    await updateIncident(t.owner.userId, { teamId: t.team.id, incidentId: hit.id, version: 1, rootCause: "A forgotten advisory lock" });
    expect(await t.search("replica vacuum advisory")).toEqual(["Database trouble"]);
  });

  it("finds a word that occurs only in the postmortem", async () => {
    const t = await searchTeam();
    const hit = await t.declare("Login failures");
    const { id } = await startPostmortem(t.owner.userId, { teamId: t.team.id, incidentId: hit.id, templateId: "builtin:standard", title: "Login failures review" });
    await writeEverySection(id, "The certificate rotation cronjob silently skipped weekends.", t.owner.userId);
    expect(await t.search("cronjob")).toEqual(["Login failures"]);
    expect(await t.search("login cronjob weekends")).toEqual(["Login failures"]);
  });

  it("forgets text that was edited away or deleted", async () => {
    const t = await searchTeam();
    const hit = await t.declare("Cache stampede");
    const event = await t.note(hit.id, "Memcached evictions everywhere");
    expect(await t.search("memcached")).toEqual(["Cache stampede"]);
    await editEvent(t.owner.userId, { teamId: t.team.id, eventId: event.id, version: 1, kind: "NOTE", occurredAt: "2024-01-07T10:30", body: "Redis evictions everywhere" });
    expect(await t.search("memcached")).toEqual([]);
    expect(await t.search("redis stampede")).toEqual(["Cache stampede"]);
    await deleteEvent(t.owner.userId, { teamId: t.team.id, eventId: event.id });
    expect(await t.search("redis")).toEqual([]);
  });

  it.each([
    ["rm -rf", "Ran rm -rf on the wrong directory", "Ran rm on the logs, rf was unrelated"],
    ["/dev/sda1", "Disk /dev/sda1 was full.", "Disk /dev/sdb2 was full."],
    ["nfs-share01", "Mount nfs-share01.corp.local hung (stale handle)", "Mount nfs-share02.corp.local hung"],
  ])("finds %s as typed, without quotes", async (q, body, other) => {
    const t = await searchTeam();
    const hit = await t.declare("The one");
    await t.note(hit.id, body);
    const miss = await t.declare("Not this one");
    await t.note(miss.id, other);
    expect(await t.search(q)).toEqual(["The one"]);
  });

  it("still matches stems, phrases, and stays inside the team", async () => {
    const t = await searchTeam();
    const other = await searchTeam();
    await other.declare("Deploys failing");
    await t.declare("Deploys failing");
    await t.declare("Failing deploys of the other kind");
    expect(await t.search("deploy fail")).toEqual(["Failing deploys of the other kind", "Deploys failing"]);
    expect(await t.search('"deploys failing"')).toEqual(["Deploys failing"]);
  });
});
