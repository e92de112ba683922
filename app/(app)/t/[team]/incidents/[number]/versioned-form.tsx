"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/action-state";
import type { FieldErrors } from "@/lib/errors";
import { updateIncidentAction } from "@/lib/incidents/actions";
import type { IncidentUpdateResult } from "@/lib/incidents/mutations";

type RenderProps = { values: Record<string, string>; fields?: FieldErrors };
type Props = {
  teamId: string;
  incidentId: string;
  version: number;
  submitLabel: string;
  children: (props: RenderProps) => React.ReactNode;
};
type Saved = { message: string; warning: boolean } | null;

/**
 * An incident edit form that follows the latest version until the user starts typing, then
 * holds on to the version they started from. If someone else saved in between, the server
 * refuses and names them; "Load latest values" starts over from their version.
 */
export function VersionedForm(props: Props) {
  const [reloads, setReloads] = useState(0);
  const [editingFrom, setEditingFrom] = useState<number | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const version = editingFrom ?? props.version;
  return (
    <Inner
      key={`${reloads}-${version}`}
      {...props}
      version={version}
      saved={saved}
      onEdit={() => {
        setEditingFrom((v) => v ?? props.version);
        setSaved(null);
      }}
      onSaved={(next) => {
        setEditingFrom(null);
        setSaved(next);
      }}
      onReload={() => {
        setEditingFrom(null);
        setReloads((r) => r + 1);
      }}
    />
  );
}

type InnerProps = Props & { saved: Saved; onEdit: () => void; onSaved: (saved: Saved) => void; onReload: () => void };

function Inner({ teamId, incidentId, version, submitLabel, children, saved, onEdit, onSaved, onReload }: InnerProps) {
  const [state, action] = useActionState(async (previous: ActionState<IncidentUpdateResult>, form: FormData) => {
    const result = await updateIncidentAction(previous, form);
    if (result.status === "ok") onSaved({ message: result.message ?? "Saved.", warning: result.data.warnings.length > 0 });
    return result;
  }, idle);
  const values = state.status === "error" ? state.values : {};
  const fields = state.status === "error" ? state.error.fields : undefined;
  const conflict = state.status === "error" && state.error.code === "CONFLICT";
  return (
    <form action={action} onInput={onEdit} className="space-y-4" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
      {state.status === "error" && !fields && (
        <Alert tone="error">
          {state.error.message}
          {conflict && (
            <Button variant="secondary" size="sm" className="ml-2" onClick={onReload}>
              Load latest values
            </Button>
          )}
        </Alert>
      )}
      {children({ values, fields })}
      <div className="flex items-center gap-3">
        <SubmitButton size="sm" pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
        {saved && (
          <p role="status" className={saved.warning ? "text-sm text-amber-700 dark:text-amber-400" : "text-sm text-emerald-700 dark:text-emerald-400"}>
            {saved.message}
          </p>
        )}
      </div>
    </form>
  );
}
