import { describe, expect, it } from "vitest";
import { can, isInstanceAdmin, type Resource, type TeamAction } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const OWN = "team-a";
const OTHER = "team-b";

/** Expected decisions for an actor acting on their own team. Every other team: always denied. */
const matrix: { action: TeamAction; resource?: Omit<Resource, "teamId">; allowed: Role[] }[] = [
  { action: "team.read", allowed: ["OWNER", "ADMIN", "MEMBER", "VIEWER"] },
  { action: "member.list", allowed: ["OWNER", "ADMIN", "MEMBER", "VIEWER"] },
  { action: "team.update", allowed: ["OWNER", "ADMIN"] },
  { action: "audit.read", allowed: ["OWNER", "ADMIN"] },
  { action: "team.export", allowed: ["OWNER"] },
  { action: "member.invite", resource: { grantedRole: "MEMBER" }, allowed: ["OWNER", "ADMIN"] },
  { action: "member.invite", resource: { grantedRole: "ADMIN" }, allowed: ["OWNER", "ADMIN"] },
  { action: "member.invite", resource: { grantedRole: "OWNER" }, allowed: ["OWNER"] },
  { action: "member.changeRole", resource: { targetRole: "MEMBER", grantedRole: "VIEWER" }, allowed: ["OWNER", "ADMIN"] },
  { action: "member.changeRole", resource: { targetRole: "MEMBER", grantedRole: "OWNER" }, allowed: ["OWNER"] },
  { action: "member.changeRole", resource: { targetRole: "OWNER", grantedRole: "ADMIN" }, allowed: ["OWNER"] },
  { action: "member.changeRole", resource: { targetRole: "ADMIN", grantedRole: "MEMBER" }, allowed: ["OWNER", "ADMIN"] },
  { action: "member.remove", resource: { targetRole: "VIEWER" }, allowed: ["OWNER", "ADMIN"] },
  { action: "member.remove", resource: { targetRole: "OWNER" }, allowed: ["OWNER"] },
  { action: "invite.revoke", resource: { grantedRole: "MEMBER" }, allowed: ["OWNER", "ADMIN"] },
  { action: "invite.revoke", resource: { grantedRole: "OWNER" }, allowed: ["OWNER"] },
  { action: "incident.read", allowed: ["OWNER", "ADMIN", "MEMBER", "VIEWER"] },
  { action: "incident.create", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "incident.update", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "timeline.create", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "timeline.star", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "timeline.edit", resource: { authorId: "u" }, allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "timeline.edit", resource: { authorId: "someone-else" }, allowed: ["OWNER", "ADMIN"] },
  { action: "timeline.edit", resource: { authorId: null }, allowed: [] },
  { action: "service.create", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "severity.update", allowed: ["OWNER", "ADMIN"] },
  { action: "task.create", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "task.update", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "task.verify", resource: { ownerId: "someone-else" }, allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "task.verify", resource: { ownerId: "u" }, allowed: [] },
  { action: "postmortem.read", allowed: ["OWNER", "ADMIN", "MEMBER", "VIEWER"] },
  { action: "postmortem.create", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "postmortem.edit", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "postmortem.comment", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "postmortem.snapshot", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "template.manage", allowed: ["OWNER", "ADMIN"] },
  { action: "outbound.manage", allowed: ["OWNER", "ADMIN"] },
  { action: "postmortem.requestReview", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "postmortem.review", resource: { postmortemAuthorId: "someone-else" }, allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "postmortem.review", resource: { postmortemAuthorId: "u" }, allowed: [] },
  { action: "postmortem.review", resource: { postmortemAuthorId: null }, allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "review.policy", allowed: ["OWNER", "ADMIN"] },
  { action: "postmortem.publish", allowed: ["OWNER", "ADMIN", "MEMBER"] },
  { action: "publishing.settings", allowed: ["OWNER", "ADMIN"] },
  { action: "apiToken.manage", allowed: ["OWNER", "ADMIN"] },
  { action: "alertSource.manage", allowed: ["OWNER", "ADMIN"] },
  { action: "mail.outbox.read", allowed: ["OWNER", "ADMIN"] },
];

describe("permission matrix", () => {
  for (const row of matrix) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role);
      const label = `${role} ${expected ? "may" : "may not"} ${row.action} ${JSON.stringify(row.resource ?? {})} in their own team`;
      it(label, () => {
        expect(can({ userId: "u", teamId: OWN, role }, row.action, { teamId: OWN, ...row.resource })).toBe(expected);
      });
      it(`${role} may not ${row.action} ${JSON.stringify(row.resource ?? {})} in another team`, () => {
        expect(can({ userId: "u", teamId: OWN, role }, row.action, { teamId: OTHER, ...row.resource })).toBe(false);
      });
    }
    it(`nobody signed out may ${row.action}`, () => {
      expect(can(null, row.action, { teamId: OWN, ...row.resource })).toBe(false);
    });
  }

  it("covers every action", () => {
    const actions: TeamAction[] = [
      "team.read", "team.update", "team.export", "member.list", "member.invite", "member.changeRole", "member.remove", "invite.revoke", "audit.read",
      "incident.read", "incident.create", "incident.update", "timeline.create", "timeline.edit", "timeline.star", "service.create", "severity.update",
      "task.create", "task.update", "task.verify",
      "postmortem.read", "postmortem.create", "postmortem.edit", "postmortem.comment", "postmortem.snapshot", "template.manage",
      "postmortem.requestReview", "postmortem.review", "review.policy", "postmortem.publish", "publishing.settings",
      "apiToken.manage", "outbound.manage", "alertSource.manage", "mail.outbox.read",
    ];
    expect(new Set(matrix.map((r) => r.action))).toEqual(new Set(actions));
  });
});

describe("instance admins", () => {
  it("are the verified addresses listed in INSTANCE_ADMINS", () => {
    const admins = " ops@example.test , Root@Example.test";
    expect(isInstanceAdmin({ email: "root@example.test", emailVerified: true }, admins)).toBe(true);
    expect(isInstanceAdmin({ email: "ops@example.test", emailVerified: false }, admins)).toBe(false);
    expect(isInstanceAdmin({ email: "dev@example.test", emailVerified: true }, admins)).toBe(false);
    expect(isInstanceAdmin({ email: "ops@example.test", emailVerified: true }, undefined)).toBe(false);
  });
});
