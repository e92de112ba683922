"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { restoreVersionAction, saveVersionAction } from "@/lib/postmortems/actions";

export function SaveVersionForm({ teamId, postmortemId }: { teamId: string; postmortemId: string }) {
  const [state, action] = useActionState(saveVersionAction, idle);
  return (
    <form action={action} key={state.status === "ok" ? state.data.id : "save"} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <TextField
        label="Name this version"
        name="name"
        placeholder="e.g. Draft sent to the database team"
        maxLength={120}
        className="min-w-64 flex-1"
        defaultValue={state.status === "error" ? state.values.name : ""}
        errors={state.status === "error" ? (state.error.fields?.name ?? [state.error.message]) : undefined}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">Save version</SubmitButton>
      {state.status === "ok" && <Alert tone="success" className="w-full">{state.message}</Alert>}
    </form>
  );
}

/** Restoring asks once more: it changes the live document for everyone (the current content is kept as a version). */
export function RestoreButton({ teamId, postmortemId, snapshotId, label }: { teamId: string; postmortemId: string; snapshotId: string; label: string }) {
  const [state, action] = useActionState(restoreVersionAction, idle);
  const [confirming, setConfirming] = useState(false);
  if (state.status === "ok") return <Alert tone="success">{state.message}</Alert>;
  if (!confirming) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
        Restore
      </Button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <span className="text-sm">Restore “{label}” for everyone? The current text is kept as a version.</span>
      <SubmitButton size="sm" pendingLabel="Restoring…">Restore it</SubmitButton>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Cancel</Button>
      {state.status === "error" && <Alert tone="error" className="w-full">{state.error.message}</Alert>}
    </form>
  );
}
