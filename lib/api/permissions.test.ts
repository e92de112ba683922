import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TokenAccess } from "@/lib/authz";
import { ENDPOINTS } from "@/lib/api/registry";
import { callApi } from "@/lib/api/testing/call";
import { apiTeam, personalToken, serviceToken, VALID_REQUESTS, type ApiTeamFixture } from "@/lib/api/testing/fixtures";

type Principal = { label: string; holder: Role | "SERVICE"; scope: TokenAccess; mayWrite: boolean };

/**
 * Who may do what through the API, spelled out: reads need any scope; writes need a write scope
 * AND a role that writes. A viewer holding a write token (demoted after making it) cannot write.
 */
const PRINCIPALS: Principal[] = [
  { label: "owner, read token", holder: "OWNER", scope: "READ", mayWrite: false },
  { label: "owner, write token", holder: "OWNER", scope: "WRITE", mayWrite: true },
  { label: "admin, read token", holder: "ADMIN", scope: "READ", mayWrite: false },
  { label: "admin, write token", holder: "ADMIN", scope: "WRITE", mayWrite: true },
  { label: "member, read token", holder: "MEMBER", scope: "READ", mayWrite: false },
  { label: "member, write token", holder: "MEMBER", scope: "WRITE", mayWrite: true },
  { label: "viewer, read token", holder: "VIEWER", scope: "READ", mayWrite: false },
  { label: "viewer, write token (demoted member)", holder: "VIEWER", scope: "WRITE", mayWrite: false },
  { label: "service token, read", holder: "SERVICE", scope: "READ", mayWrite: false },
  { label: "service token, write", holder: "SERVICE", scope: "WRITE", mayWrite: true },
];

async function tokenFor(principal: Principal, fixture: ApiTeamFixture): Promise<string> {
  const teamId = fixture.team.id;
  if (principal.holder === "SERVICE") return serviceToken(fixture.owner.userId, teamId, principal.scope);
  const userId = fixture.userOf(principal.holder);
  if (principal.holder !== "VIEWER" || principal.scope === "READ") return personalToken(userId, { [teamId]: principal.scope });
  await db().membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role: "MEMBER" } });
  const token = await personalToken(userId, { [teamId]: "WRITE" });
  await db().membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role: "VIEWER" } });
  return token;
}

describe("permission matrix: endpoint × scope × role × own/other team", () => {
  let own: ApiTeamFixture;
  let other: ApiTeamFixture;
  beforeAll(async () => {
    own = await apiTeam(["ADMIN", "MEMBER", "VIEWER"]);
    other = await apiTeam([]);
  });

  for (const principal of PRINCIPALS) {
    it(principal.label, async () => {
      const token = await tokenFor(principal, own);
      const seen: string[] = [];
      const expected: string[] = [];
      for (const endpoint of ENDPOINTS) {
        const build = VALID_REQUESTS[endpoint.operationId];
        if (!build) throw new Error(`No request for ${endpoint.operationId}`);
        const allowed = endpoint.access === "READ" || principal.mayWrite;
        const mine = await callApi(endpoint, { ...(await build(own)), token });
        seen.push(`${endpoint.operationId} own → ${mine.status}`);
        expected.push(`${endpoint.operationId} own → ${allowed ? endpoint.response.status : 403}`);
        const theirs = await callApi(endpoint, { ...(await build(other)), token });
        seen.push(`${endpoint.operationId} other → ${theirs.status}`);
        expected.push(`${endpoint.operationId} other → 404`);
      }
      expect(seen).toEqual(expected);
    });
  }
});
