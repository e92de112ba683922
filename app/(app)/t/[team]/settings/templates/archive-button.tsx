"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { Alert } from "@/components/ui/alert";
import { idle } from "@/lib/action-state";
import { archiveTemplateAction } from "@/lib/postmortems/templates/actions";

export function ArchiveButton({ teamId, templateId }: { teamId: string; templateId: string }) {
  const [state, action] = useActionState(archiveTemplateAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton variant="ghost" size="sm" pendingLabel="…">Archive</SubmitButton>
      {state.status === "error" && <Alert tone="error">{state.error.message}</Alert>}
    </form>
  );
}
