import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requireTeamContext } from "@/lib/teams/actor";
import { countMembers, listActiveInvites, listMembers } from "@/lib/teams/queries";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/time/format";
import { MemberRow } from "./member-row";
import { InviteForm } from "./invite-form";
import { RevokeInviteButton } from "./revoke-invite-button";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ after?: string }> }) {
  const { team, actor, user } = await requireTeamContext((await params).team);
  const { after } = await searchParams;
  const [page, total] = await Promise.all([listMembers(actor, team.id, after), countMembers(actor, team.id)]);
  const members = page.items;
  const canInvite = can(actor, "member.invite", { teamId: team.id });
  const invites = canInvite ? await listActiveInvites(actor, team.id) : [];
  return (
    <>
      <Card>
        <CardHeader title="Members" description={`${total} ${total === 1 ? "person" : "people"} in ${team.name}.`} />
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {members.map((m) => (
            <MemberRow
              key={m.id}
              teamId={team.id}
              member={{ id: m.id, role: m.role, name: m.user.name, email: m.user.email, isYou: m.user.id === user.id }}
              canChangeRole={can(actor, "member.changeRole", { teamId: team.id, targetRole: m.role })}
              canRemove={m.user.id !== user.id && can(actor, "member.remove", { teamId: team.id, targetRole: m.role })}
              grantableRoles={(["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const).filter((r) =>
                can(actor, "member.changeRole", { teamId: team.id, targetRole: m.role, grantedRole: r }),
              )}
            />
          ))}
        </ul>
        {(after || page.nextCursor) && (
          <nav aria-label="Member pages" className="flex justify-between border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
            {after ? <Link className={buttonClass("secondary", "sm")} href={`/t/${team.slug}/settings/members`}>First page</Link> : <span />}
            {page.nextCursor && <Link className={buttonClass("secondary", "sm")} href={`/t/${team.slug}/settings/members?after=${page.nextCursor}`}>Next page</Link>}
          </nav>
        )}
      </Card>
      {canInvite && (
        <Card>
          <CardHeader title="Invite people" description="Create a link and send it to colleagues. Anyone with the link can join with the chosen role until it expires or you revoke it." />
          <div className="space-y-6 px-5 py-5">
            <InviteForm teamId={team.id} roles={(["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const).filter((r) => can(actor, "member.invite", { teamId: team.id, grantedRole: r }))} />
            {invites.length > 0 && (
              <div>
                <h3 className="text-sm font-medium">Active invite links</h3>
                <ul className="mt-2 divide-y divide-zinc-200 rounded-lg ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800">
                  {invites.map((invite) => (
                    <li key={invite.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                      <div>
                        <span className="font-medium">{invite.role.toLowerCase()}</span>
                        <span className="text-zinc-600 dark:text-zinc-400">
                          {" "}· by {invite.createdBy?.name ?? "someone"} · expires {formatDateTime(invite.expiresAt, team.timeZone)} · used {invite.useCount}×
                        </span>
                      </div>
                      <RevokeInviteButton teamId={team.id} inviteId={invite.id} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </Card>
      )}
    </>
  );
}
