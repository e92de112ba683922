"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { markReadAction } from "@/lib/notifications/actions";

export function MarkAllRead() {
  const [, action] = useActionState(markReadAction, idle);
  return (
    <form action={action}>
      <SubmitButton variant="secondary" size="sm" pendingLabel="Marking…">Mark all read</SubmitButton>
    </form>
  );
}
