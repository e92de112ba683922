"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { createInviteAction } from "@/lib/teams/actions";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

const noSubscription = () => () => {};

export function InviteForm({ teamId, roles }: { teamId: string; roles: Role[] }) {
  const [state, action] = useActionState(createInviteAction, idle);
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const [copied, setCopied] = useState(false);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const link = state.status === "ok" ? `${origin}/invite/${state.data.token}` : null;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate onSubmit={() => setCopied(false)}>
        <input type="hidden" name="teamId" value={teamId} />
        <SelectField
          label="Role"
          name="role"
          defaultValue="MEMBER"
          options={roles.map((r) => ({ value: r, label: r.charAt(0) + r.slice(1).toLowerCase() }))}
          errors={fields?.role}
          className="w-40"
        />
        <SelectField
          label="Expires after"
          name="expiresInDays"
          defaultValue="7"
          options={[
            { value: "1", label: "1 day" },
            { value: "7", label: "7 days" },
            { value: "30", label: "30 days" },
          ]}
          errors={fields?.expiresInDays}
          className="w-40"
        />
        <TextField label="E-mail it to (optional)" name="email" type="email" autoComplete="off" errors={fields?.email} className="w-64" />
        <SubmitButton pendingLabel="Creating…">Create invite link</SubmitButton>
      </form>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      {link && (
        <div className="rounded-lg bg-brand-50 p-4 ring-1 ring-brand-100 dark:bg-brand-700/10 dark:ring-brand-700/40">
          {state.status === "ok" && state.data.email && <p className="mb-2 text-sm">We e-mailed this link to {state.data.email}.</p>}
          <label htmlFor="invite-link" className="text-sm font-medium">
            Invite link — copy it now; it is shown only once
          </label>
          <div className="mt-2 flex gap-2">
            <input id="invite-link" readOnly value={link} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(link);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
