"use server";

import { memberAction } from "@/lib/action";
import { createTeam, updateTeam } from "@/lib/teams/mutations";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/teams/invites";
import { changeRole, leaveTeam, removeMember } from "@/lib/teams/members";

export const createTeamAction = memberAction((user, input) => createTeam(user.id, input), {
  redirectTo: (team) => `/t/${team.slug}/incidents`,
});

export const updateTeamAction = memberAction((user, input) => updateTeam(user.id, input), {
  revalidate: (team) => [`/t/${team.slug}`, "/"],
  redirectTo: (team) => `/t/${team.slug}/settings?saved=1`,
});

export const createInviteAction = memberAction((user, input) => createInvite(user.id, input), {
  revalidate: () => ["/t/[team]"],
});

export const revokeInviteAction = memberAction((user, input) => revokeInvite(user.id, input), {
  revalidate: () => ["/t/[team]"],
  message: () => "Invite revoked. The link no longer works.",
});

export const changeRoleAction = memberAction((user, input) => changeRole(user.id, input), {
  revalidate: () => ["/t/[team]"],
  message: () => "Role updated.",
});

export const removeMemberAction = memberAction((user, input) => removeMember(user.id, input), {
  revalidate: () => ["/t/[team]"],
  message: () => "Member removed.",
});

export const leaveTeamAction = memberAction((user, input) => leaveTeam(user.id, input), { redirectTo: () => "/" });

export const acceptInviteAction = memberAction((user, input) => acceptInvite(user.id, input.token), {
  redirectTo: (joined) => `/t/${joined.team.slug}/incidents`,
});
