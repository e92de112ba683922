import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sessionCookieName } from "@/lib/auth/cookies";
import { createSession } from "@/lib/auth/sessions";
import { createPersonalToken, createServiceToken, revokePersonalToken, revokeServiceToken } from "@/lib/api/tokens/mutations";
import { listPersonalTokens } from "@/lib/api/tokens/queries";
import { hashApiSecret } from "@/lib/api/tokens/secrets";
import { createIncidentEndpoint, getIncidentEndpoint, listIncidentsEndpoint } from "@/lib/api/resources/incidents";
import { callApi } from "@/lib/api/testing/call";
import { apiTeam, personalToken, serviceToken } from "@/lib/api/testing/fixtures";
import { createTeamWith } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";
import { describeAuditEvent } from "@/lib/audit/describe";

const list = (token: string | undefined, team: string, headers?: Record<string, string>) => callApi(listIncidentsEndpoint, { token, params: { team }, headers });
const create = (token: string, team: string, body: unknown = { title: "From a script" }) => callApi(createIncidentEndpoint, { token, params: { team }, body });

describe("personal tokens", () => {
  it("are shown once with a recognisable prefix and stored only as a SHA-256 hash", async () => {
    const { team, owner } = await createTeamWith();
    const created = await createPersonalToken(owner.userId, { name: "deploy script", expiresIn: "30", scopes: [`${team.id}:READ`] });
    expect(created.secret).toMatch(/^hs_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashApiSecret(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(7));
    expect(row.prefix).toBe(created.secret.slice(0, 11));
    const listed = await listPersonalTokens(owner.userId);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(7));
    expect(Math.round((row.expiresAt!.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(30);
  });

  it("read the form's one select per team, skipping teams left at 'no access'", async () => {
    const { team, owner } = await createTeamWith();
    const other = await createTeamWith();
    await db().membership.create({ data: { teamId: other.team.id, userId: owner.userId, role: "MEMBER" } });
    const created = await createPersonalToken(owner.userId, { name: "form", expiresIn: "never", [`scope:${team.id}`]: "WRITE", [`scope:${other.team.id}`]: "" });
    const scopes = await db().apiTokenScope.findMany({ where: { tokenId: created.id } });
    expect(scopes.map((s) => [s.teamId, s.access])).toEqual([[team.id, "WRITE"]]);
    expect(created.expiresAt).toBeNull();
  });

  it("refuse teams the user is not in, and write access for viewers", async () => {
    const { team, members } = await createTeamWith(["VIEWER"]);
    const other = await createTeamWith();
    const viewer = members.VIEWER!.userId;
    expect((await rejection(createPersonalToken(viewer, { name: "x", scopes: [`${other.team.id}:READ`] }))).fields?.scopes).toBeDefined();
    expect((await rejection(createPersonalToken(viewer, { name: "x", scopes: [`${team.id}:WRITE`] }))).fields?.scopes).toBeDefined();
    expect((await rejection(createPersonalToken(viewer, { name: "x", scopes: [""] }))).fields?.scopes).toEqual(["Give the token access to at least one team."]);
    expect((await rejection(createPersonalToken(viewer, { name: " ", scopes: [`${team.id}:READ`] }))).fields?.name).toBeDefined();
  });

  it("work until revoked, and revoking is audited in each team the token reached", async () => {
    const { team, owner } = await createTeamWith();
    const created = await createPersonalToken(owner.userId, { name: "cron", expiresIn: "7", scopes: [`${team.id}:READ`] });
    expect((await list(created.secret, team.slug)).status).toBe(200);
    await revokePersonalToken(owner.userId, { tokenId: created.id });
    const refused = await list(created.secret, team.slug);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    const audit = await db().auditEvent.findMany({ where: { teamId: team.id, targetId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["api_token.created", "api_token.revoked"]);
    expect(audit.map((a) => describeAuditEvent(a.action, a.data))).toEqual(["created a personal API token “cron” with read access", "revoked a personal API token “cron”"]);
  });

  it("cannot be revoked by someone else", async () => {
    const { team, owner, members } = await createTeamWith(["ADMIN"]);
    const created = await createPersonalToken(owner.userId, { name: "mine", scopes: [`${team.id}:READ`] });
    expect((await rejection(revokePersonalToken(members.ADMIN!.userId, { tokenId: created.id }))).code).toBe("NOT_FOUND");
  });

  it("stop working when they expire or their owner is disabled", async () => {
    const { team, owner, members } = await createTeamWith(["MEMBER"]);
    const expiring = await createPersonalToken(owner.userId, { name: "soon", scopes: [`${team.id}:READ`] });
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await list(expiring.secret, team.slug)).status).toBe(401);
    const member = await personalToken(members.MEMBER!.userId, { [team.id]: "READ" });
    await db().user.update({ where: { id: members.MEMBER!.userId }, data: { disabledAt: new Date() } });
    expect((await list(member, team.slug)).status).toBe(401);
  });

  it("record when they were last used, at most once a minute", async () => {
    const { team, owner } = await createTeamWith();
    const created = await createPersonalToken(owner.userId, { name: "poller", scopes: [`${team.id}:READ`] });
    await list(created.secret, team.slug);
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await list(created.secret, team.slug);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(first);
    await db().apiToken.update({ where: { id: created.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await list(created.secret, team.slug);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  it("read scope reads but cannot write; a write token never exceeds its owner's current role", async () => {
    const { team, members } = await createTeamWith(["MEMBER"]);
    const memberId = members.MEMBER!.userId;
    const reader = await personalToken(memberId, { [team.id]: "READ" });
    expect((await list(reader, team.slug)).status).toBe(200);
    const refused = await create(reader, team.slug);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: "FORBIDDEN", fields: {} } });
    const writer = await personalToken(memberId, { [team.id]: "WRITE" });
    expect((await create(writer, team.slug)).status).toBe(201);
    await db().membership.update({ where: { teamId_userId: { teamId: team.id, userId: memberId } }, data: { role: "VIEWER" } });
    expect((await create(writer, team.slug)).status).toBe(403);
    await db().membership.delete({ where: { teamId_userId: { teamId: team.id, userId: memberId } } });
    expect((await list(writer, team.slug)).status).toBe(404);
  });

  it("reach only the teams in their scope, and say 'not found' for the others", async () => {
    const a = await createTeamWith();
    const b = await createTeamWith();
    await db().membership.create({ data: { teamId: b.team.id, userId: a.owner.userId, role: "OWNER" } });
    const token = await personalToken(a.owner.userId, { [a.team.id]: "WRITE" });
    const outside = await list(token, b.team.slug);
    expect(outside.status).toBe(404);
    expect(outside.json).toEqual((await list(token, "no-such-team")).json);
  });
});

describe("service tokens", () => {
  it("are managed by admins only and act as their own user, in their team only", async () => {
    const fixture = await apiTeam(["ADMIN", "MEMBER"]);
    const other = await createTeamWith();
    expect((await rejection(createServiceToken(fixture.members.MEMBER!.userId, { teamId: fixture.team.id, name: "CI", access: "WRITE" }))).code).toBe("FORBIDDEN");
    const secret = await serviceToken(fixture.members.ADMIN!.userId, fixture.team.id, "WRITE");
    expect(secret).toMatch(/^hs_svc_/);
    const created = await create(secret, fixture.team.slug, { title: "Deploy failed", severity: "SEV3" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ declaredBy: "CI (service token)", origin: "API" });
    expect((await list(secret, other.team.slug)).status).toBe(404);
    const bot = await db().apiToken.findFirstOrThrow({ where: { hash: hashApiSecret(secret) }, select: { id: true, user: { select: { disabledAt: true, passwordHash: true, memberships: true } } } });
    expect(bot.user).toMatchObject({ passwordHash: null, memberships: [] });
    expect(bot.user.disabledAt).not.toBeNull();
    await revokeServiceToken(fixture.members.ADMIN!.userId, { teamId: fixture.team.id, tokenId: bot.id });
    expect((await list(secret, fixture.team.slug)).status).toBe(401);
  });

  it("with read access cannot write", async () => {
    const fixture = await apiTeam(["ADMIN"]);
    const secret = await serviceToken(fixture.owner.userId, fixture.team.id, "READ");
    expect((await list(secret, fixture.team.slug)).status).toBe(200);
    expect((await create(secret, fixture.team.slug)).status).toBe(403);
  });
});

describe("the API and the app stay apart", () => {
  it("ignores a valid session cookie entirely", async () => {
    const { team, owner } = await createTeamWith();
    const sid = await createSession(owner.userId);
    const cookie = `${sessionCookieName()}=${await encode({ token: { sub: owner.userId, sid }, secret: env().NEXTAUTH_SECRET })}`;
    const answer = await list(undefined, team.slug, { cookie });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String), fields: {} } });
  });

  it("refuses tokens that are not bearer tokens of ours, before any lookup", async () => {
    const { team } = await createTeamWith();
    for (const authorization of ["", "Basic dXNlcjpwYXNz", "Bearer", "Bearer hs_pat_short", `Bearer hs_pat_${"A".repeat(43)}`]) {
      const answer = await list(undefined, team.slug, { authorization });
      expect(answer.status, authorization).toBe(401);
    }
  });

  it("returns the incident a token created with origin API", async () => {
    const fixture = await apiTeam([]);
    const token = await personalToken(fixture.owner.userId, { [fixture.team.id]: "WRITE" });
    const created = (await create(token, fixture.team.slug, { title: "Made by a script" })).json as { number: number };
    const read = await callApi(getIncidentEndpoint, { token, params: { team: fixture.team.slug, number: String(created.number) } });
    expect(read.json).toMatchObject({ title: "Made by a script", origin: "API", declaredBy: "Owner" });
    expect(read.headers.get("etag")).toBe('"1"');
  });
});
