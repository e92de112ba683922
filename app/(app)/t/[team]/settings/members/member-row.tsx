"use client";

import { useActionState } from "react";
import { Avatar } from "@/components/shell/avatar";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { changeRoleAction, removeMemberAction } from "@/lib/teams/actions";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
type Props = {
  teamId: string;
  member: { id: string; role: Role; name: string; email: string; isYou: boolean };
  canChangeRole: boolean;
  canRemove: boolean;
  grantableRoles: Role[];
};

const roleLabel = (r: Role) => r.charAt(0) + r.slice(1).toLowerCase();

export function MemberRow({ teamId, member, canChangeRole, canRemove, grantableRoles }: Props) {
  const [roleState, roleAction] = useActionState(changeRoleAction, idle);
  const [removeState, removeAction] = useActionState(removeMemberAction, idle);
  const error = roleState.status === "error" ? roleState.error.message : removeState.status === "error" ? removeState.error.message : null;
  return (
    <li className="px-5 py-4" data-testid="member-row" data-email={member.email}>
      <div className="flex flex-wrap items-center gap-3">
        <Avatar name={member.name} />
        <div className="min-w-0 flex-1 basis-[calc(100%-3rem)] sm:basis-0">
          <p className="truncate text-sm font-medium">
            {member.name} {member.isYou && <span className="text-zinc-500 dark:text-zinc-400">(you)</span>}
          </p>
          <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{member.email}</p>
        </div>
        {canChangeRole ? (
          <form action={roleAction} className="flex items-center gap-2">
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="membershipId" value={member.id} />
            <label className="sr-only" htmlFor={`role-${member.id}`}>
              Role of {member.name}
            </label>
            <select id={`role-${member.id}`} name="role" defaultValue={member.role} className={`${inputClass} w-32`}>
              {[...new Set([member.role, ...grantableRoles])].map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
            <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
              Save role
            </SubmitButton>
          </form>
        ) : (
          <span className="rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{roleLabel(member.role)}</span>
        )}
        {canRemove && (
          <form
            action={removeAction}
            onSubmit={(e) => {
              if (!window.confirm(`Remove ${member.name} from the team?`)) e.preventDefault();
            }}
          >
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="membershipId" value={member.id} />
            <SubmitButton variant="ghost" size="sm" pendingLabel="Removing…" aria-label={`Remove ${member.name}`}>
              Remove
            </SubmitButton>
          </form>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {roleState.status === "ok" && <p role="status" className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">{roleState.message}</p>}
    </li>
  );
}
