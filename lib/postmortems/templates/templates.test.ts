import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { archiveTemplate, saveTemplate } from "@/lib/postmortems/templates/mutations";
import { listTemplates, resolveTemplate } from "@/lib/postmortems/templates/queries";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const sections = (list: { heading: string; help?: string; required?: boolean; block?: string }[]) => JSON.stringify(list);

describe("team templates", () => {
  it("are created, edited from their version, listed after the built-ins and archived", async () => {
    const { team, owner } = await createTeamWith();
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    const { id } = await saveTemplate(owner.userId, { teamId: team.id, name: "Security incident", sections: sections([{ heading: "Summary", required: true, block: "summary" }, { heading: "Data exposed", help: "What, whose, how much." }]) });
    await saveTemplate(owner.userId, { teamId: team.id, templateId: id, version: 1, name: "Security incident", sections: sections([{ heading: "Summary", required: true }]) });
    const listed = await listTemplates(actor, team.id);
    expect(listed.map((t) => t.name)).toEqual(["Hindsight standard", "Google SRE", "Security incident"]);
    expect(listed[2]?.sections).toEqual([{ heading: "Summary", help: "", required: true }]);
    await db().$transaction(async (tx) => expect((await resolveTemplate(tx, team.id, id)).name).toBe("Security incident"));
    await archiveTemplate(owner.userId, { teamId: team.id, templateId: id });
    expect((await listTemplates(actor, team.id)).map((t) => t.name)).toEqual(["Hindsight standard", "Google SRE"]);
    const refused = await db().$transaction((tx) => resolveTemplate(tx, team.id, id)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION" });
    // The name is free again.
    await saveTemplate(owner.userId, { teamId: team.id, name: "Security incident", sections: sections([{ heading: "Summary" }]) });
  });

  it("refuse a stale edit naming who saved, duplicate and built-in names, bad sections, members and outsiders", async () => {
    const { team, owner, members } = await createTeamWith(["ADMIN", "MEMBER"]);
    const other = await createTeamWith();
    const { id } = await saveTemplate(owner.userId, { teamId: team.id, name: "Ops", sections: sections([{ heading: "Summary" }]) });
    await saveTemplate(members.ADMIN!.userId, { teamId: team.id, templateId: id, version: 1, name: "Ops", sections: sections([{ heading: "What happened" }]) });
    const stale = await rejection(saveTemplate(owner.userId, { teamId: team.id, templateId: id, version: 1, name: "Ops", sections: sections([{ heading: "Mine" }]) }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/ADMIN user saved this template/);
    expect((await rejection(saveTemplate(owner.userId, { teamId: team.id, name: "ops", sections: sections([{ heading: "x" }]) }))).fields?.name).toBeDefined();
    expect((await rejection(saveTemplate(owner.userId, { teamId: team.id, name: "Google SRE", sections: sections([{ heading: "x" }]) }))).fields?.name).toBeDefined();
    expect((await rejection(saveTemplate(owner.userId, { teamId: team.id, name: "Empty", sections: sections([{ heading: " " }]) }))).fields?.["sections.0.heading"]).toBeDefined();
    expect((await rejection(saveTemplate(owner.userId, { teamId: team.id, name: "Many", sections: sections(Array.from({ length: 31 }, (_, i) => ({ heading: `S${i}` }))) }))).fields?.sections).toBeDefined();
    expect((await rejection(saveTemplate(owner.userId, { teamId: team.id, name: "Broken", sections: "{not json" }))).fields?.sections).toBeDefined();
    expect((await rejection(saveTemplate(members.MEMBER!.userId, { teamId: team.id, name: "Nope", sections: sections([{ heading: "x" }]) }))).code).toBe("FORBIDDEN");
    expect((await rejection(saveTemplate(other.owner.userId, { teamId: other.team.id, templateId: id, version: 2, name: "Hijack", sections: sections([{ heading: "x" }]) }))).code).toBe("NOT_FOUND");
    expect((await rejection(archiveTemplate(other.owner.userId, { teamId: other.team.id, templateId: id }))).code).toBe("NOT_FOUND");
  });
});
