"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { createServiceTokenAction } from "@/lib/api/tokens/actions";
import { TOKEN_NAME_MAX } from "@/lib/api/tokens/schema";
import { LifetimeField } from "./lifetime-field";
import { SecretReveal } from "./secret-reveal";

export function ServiceTokenForm({ teamId }: { teamId: string }) {
  const [state, action] = useActionState(createServiceTokenAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate key={state.status === "ok" ? state.data.id : state.status === "error" ? JSON.stringify(values) : "new"}>
        <input type="hidden" name="teamId" value={teamId} />
        <TextField label="Name" name="name" maxLength={TOKEN_NAME_MAX} defaultValue={values?.name} errors={fields?.name} className="w-64" autoComplete="off" />
        <SelectField
          label="Access"
          name="access"
          defaultValue={values?.access ?? "READ"}
          options={[
            { value: "READ", label: "Read" },
            { value: "WRITE", label: "Read and write" },
          ]}
          errors={fields?.access}
          className="w-44"
        />
        <LifetimeField errors={fields?.expiresIn} defaultValue={values?.expiresIn} />
        <SubmitButton pendingLabel="Creating…">Create service token</SubmitButton>
      </form>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <SecretReveal name={state.data.name} secret={state.data.secret} />}
    </div>
  );
}
