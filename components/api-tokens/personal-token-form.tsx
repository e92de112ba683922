"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { createPersonalTokenAction } from "@/lib/api/tokens/actions";
import { TOKEN_NAME_MAX } from "@/lib/api/tokens/schema";
import { LifetimeField } from "./lifetime-field";
import { SecretReveal } from "./secret-reveal";

export type ScopableTeam = { id: string; name: string; canWrite: boolean };

export function PersonalTokenForm({ teams }: { teams: ScopableTeam[] }) {
  const [state, action] = useActionState(createPersonalTokenAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate key={state.status === "ok" ? state.data.id : state.status === "error" ? JSON.stringify(values) : "new"}>
        <TextField label="Name" name="name" maxLength={TOKEN_NAME_MAX} defaultValue={values?.name} errors={fields?.name} hint="What will use it, e.g. “deploy script”." autoComplete="off" />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Access per team</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {teams.map((team) => (
              <SelectField
                key={team.id}
                label={team.name}
                name={`scope:${team.id}`}
                defaultValue={values?.[`scope:${team.id}`] ?? ""}
                options={[
                  { value: "", label: "No access" },
                  { value: "READ", label: "Read" },
                  ...(team.canWrite ? [{ value: "WRITE", label: "Read and write" }] : []),
                ]}
              />
            ))}
          </div>
          {fields?.scopes && <p className="text-sm text-red-700 dark:text-red-400">{fields.scopes.join(" ")}</p>}
        </fieldset>
        <LifetimeField errors={fields?.expiresIn} defaultValue={values?.expiresIn} />
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      {state.status === "ok" && <SecretReveal name={state.data.name} secret={state.data.secret} />}
    </div>
  );
}
