import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTeam, updateTeam } from "@/lib/teams/mutations";
import { acceptInvite, createInvite, describeInvite, revokeInvite } from "@/lib/teams/invites";
import { changeRole, leaveTeam, removeMember } from "@/lib/teams/members";
import { createTeamWith, createUser, uniqueSlug } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { MEMBER_PAGE_SIZE, countMembers, listMemberOptions, listMembers } from "@/lib/teams/queries";

describe("creating and updating teams", () => {
  it("creates a team with the creator as owner and records it", async () => {
    const user = await createUser();
    const slug = uniqueSlug();
    const team = await createTeam(user.id, { name: "Acme SRE", slug, timeZone: "Africa/Cairo" });
    const membership = await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: user.id } } });
    expect(membership.role).toBe("OWNER");
    const audit = await db().auditEvent.findFirst({ where: { teamId: team.id, action: "team.created" } });
    expect(audit?.actorId).toBe(user.id);
  });

  it("rejects an invalid slug, an unknown zone and a taken slug with field messages", async () => {
    const user = await createUser();
    const invalid = await rejection(createTeam(user.id, { name: "X", slug: "Bad Slug!", timeZone: "Mars/Olympus" }));
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.fields?.slug?.[0]).toMatch(/lowercase/);
    expect(invalid.fields?.timeZone?.[0]).toMatch(/Unknown time zone/);

    const slug = uniqueSlug();
    await createTeam(user.id, { name: "First", slug, timeZone: "UTC" });
    const taken = await rejection(createTeam(user.id, { name: "Second", slug, timeZone: "UTC" }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.fields?.slug?.[0]).toMatch(/taken/);
    expect(await db().team.count({ where: { slug } })).toBe(1);
  });

  it("lets admins update settings and refuses members", async () => {
    const { team, members } = await createTeamWith(["ADMIN", "MEMBER"]);
    await updateTeam(members.ADMIN!.userId, { teamId: team.id, name: "Renamed", slug: team.slug, timeZone: "Europe/Berlin" });
    expect((await db().team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Renamed");
    const refused = await rejection(updateTeam(members.MEMBER!.userId, { teamId: team.id, name: "Hijack", slug: team.slug, timeZone: "UTC" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await db().team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Renamed");
  });
});

describe("invites", () => {
  it("lets a second user join with the invite's role, once", async () => {
    const { team, owner } = await createTeamWith();
    const invite = await createInvite(owner.userId, { teamId: team.id, role: "MEMBER", expiresInDays: 7 });
    expect((await describeInvite(invite.token))?.status).toBe("valid");
    const joiner = await createUser();
    const joined = await acceptInvite(joiner.id, invite.token);
    expect(joined.role).toBe("MEMBER");
    const again = await rejection(acceptInvite(joiner.id, invite.token));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already a member/);
  });

  it("refuses expired and revoked invites and changes nothing", async () => {
    const { team, owner } = await createTeamWith();
    const expired = await createInvite(owner.userId, { teamId: team.id, role: "MEMBER", expiresInDays: 1 });
    await db().invite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await createInvite(owner.userId, { teamId: team.id, role: "ADMIN", expiresInDays: 7 });
    await revokeInvite(owner.userId, { teamId: team.id, inviteId: revoked.id });
    const user = await createUser();
    expect((await rejection(acceptInvite(user.id, expired.token))).message).toMatch(/expired/);
    expect((await rejection(acceptInvite(user.id, revoked.token))).message).toMatch(/revoked/);
    expect((await rejection(acceptInvite(user.id, "x".repeat(43)))).code).toBe("NOT_FOUND");
    expect(await db().membership.count({ where: { teamId: team.id, userId: user.id } })).toBe(0);
  });

  it("stores only a hash of the token", async () => {
    const { team, owner } = await createTeamWith();
    const invite = await createInvite(owner.userId, { teamId: team.id, role: "VIEWER", expiresInDays: 7 });
    const row = await db().invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).not.toContain(invite.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not let an admin mint owner invites, nor a viewer any", async () => {
    const { team, members } = await createTeamWith(["ADMIN", "VIEWER"]);
    expect((await rejection(createInvite(members.ADMIN!.userId, { teamId: team.id, role: "OWNER", expiresInDays: 7 }))).code).toBe("FORBIDDEN");
    expect((await rejection(createInvite(members.VIEWER!.userId, { teamId: team.id, role: "VIEWER", expiresInDays: 7 }))).code).toBe("FORBIDDEN");
    expect(await db().invite.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("roles and membership", () => {
  it("never leaves a team without an owner", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    expect((await rejection(changeRole(owner.userId, { teamId: team.id, membershipId: owner.membershipId, role: "ADMIN" }))).message).toMatch(/at least one owner/);
    expect((await rejection(leaveTeam(owner.userId, { teamId: team.id }))).message).toMatch(/last owner/);
    await changeRole(owner.userId, { teamId: team.id, membershipId: members.MEMBER!.membershipId, role: "OWNER" });
    await leaveTeam(owner.userId, { teamId: team.id });
    expect(await db().membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const { team, owner, members } = await createTeamWith(["OWNER"]);
    const second = members.OWNER!;
    const results = await Promise.allSettled([
      changeRole(owner.userId, { teamId: team.id, membershipId: second.membershipId, role: "MEMBER" }),
      changeRole(second.userId, { teamId: team.id, membershipId: owner.membershipId, role: "MEMBER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
  });

  it("records role changes and removals in the audit log", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER", "VIEWER"]);
    await changeRole(owner.userId, { teamId: team.id, membershipId: members.MEMBER!.membershipId, role: "ADMIN" });
    await removeMember(owner.userId, { teamId: team.id, membershipId: members.VIEWER!.membershipId });
    const actions = (await db().auditEvent.findMany({ where: { teamId: team.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["member.role_changed", "member.removed"]));
  });

  it("answers 'not found' to a member of another team who guesses ids", async () => {
    const a = await createTeamWith();
    const b = await createTeamWith(["MEMBER"]);
    const target = b.members.MEMBER!.membershipId;
    const byTeamA = (p: Promise<unknown>) => rejection(p).then((e) => e.code);
    expect(await byTeamA(changeRole(a.owner.userId, { teamId: b.team.id, membershipId: target, role: "VIEWER" }))).toBe("NOT_FOUND");
    expect(await byTeamA(removeMember(a.owner.userId, { teamId: b.team.id, membershipId: target }))).toBe("NOT_FOUND");
    expect(await byTeamA(updateTeam(a.owner.userId, { teamId: b.team.id, name: "Mine", slug: b.team.slug, timeZone: "UTC" }))).toBe("NOT_FOUND");
    expect(await byTeamA(createInvite(a.owner.userId, { teamId: b.team.id, role: "OWNER", expiresInDays: 7 }))).toBe("NOT_FOUND");
    // Team A's id with team B's membership id: the membership is not found in team A.
    expect(await byTeamA(removeMember(a.owner.userId, { teamId: a.team.id, membershipId: target }))).toBe("NOT_FOUND");
    expect((await db().membership.findUniqueOrThrow({ where: { id: target } })).role).toBe("MEMBER");
  });

  it("refuses a viewer's changes and keeps the data", async () => {
    const { team, members } = await createTeamWith(["VIEWER", "MEMBER"]);
    const refused = await rejection(changeRole(members.VIEWER!.userId, { teamId: team.id, membershipId: members.MEMBER!.membershipId, role: "ADMIN" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await db().membership.findUniqueOrThrow({ where: { id: members.MEMBER!.membershipId } })).role).toBe("MEMBER");
  });
});

describe("the members list", () => {
  it("pages by keyset, and pickers list everyone by name", async () => {
    const { team, owner } = await createTeamWith();
    for (let i = 0; i < 54; i++) {
      const user = await createUser({ name: `Member ${String(i).padStart(2, "0")}` });
      await db().membership.create({ data: { teamId: team.id, userId: user.id, role: "MEMBER" } });
    }
    const actor = { userId: owner.userId, teamId: team.id, role: "OWNER" as const };
    const first = await listMembers(actor, team.id);
    expect(first.items).toHaveLength(MEMBER_PAGE_SIZE);
    const second = await listMembers(actor, team.id, first.nextCursor);
    expect(second.items).toHaveLength(55 - MEMBER_PAGE_SIZE);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).toBe(55);
    expect(await countMembers(actor, team.id)).toBe(55);
    const options = await listMemberOptions(actor, team.id);
    expect(options).toHaveLength(55);
    expect([options[0]?.name, options[54]?.name]).toEqual(["Member 00", "Owner"]);
  });
});
