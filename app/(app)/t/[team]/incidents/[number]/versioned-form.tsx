"use client";

import { VersionedForm as SharedVersionedForm, type VersionedRenderProps } from "@/components/ui/versioned-form";
import { updateIncidentAction } from "@/lib/incidents/actions";

type Props = {
  teamId: string;
  incidentId: string;
  version: number;
  submitLabel: string;
  children: (props: VersionedRenderProps) => React.ReactNode;
};

/** An incident edit form: the shared versioned form, saying so when a save came with warnings. */
export function VersionedForm({ teamId, incidentId, version, submitLabel, children }: Props) {
  return (
    <SharedVersionedForm
      action={updateIncidentAction}
      version={version}
      hidden={{ teamId, incidentId }}
      submitLabel={submitLabel}
      describeSaved={(result) => ({ message: result.message ?? "Saved.", warning: result.data.warnings.length > 0 })}
    >
      {children}
    </SharedVersionedForm>
  );
}
