"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneField } from "@/components/time/time-zone-field";
import { idle } from "@/lib/action-state";
import { createTeamAction } from "@/lib/teams/actions";
import { slugify } from "@/lib/teams/slugify";

export function CreateTeamForm({ zones }: { zones: string[] }) {
  const [state, action] = useActionState(createTeamAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  const values = state.status === "error" ? state.values : {};
  const [name, setName] = useState(values.name ?? "");
  const [slug, setSlug] = useState(values.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(values.slug));
  return (
    <form action={action} className="mt-8 space-y-5" noValidate>
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <TextField
        label="Team name"
        name="name"
        required
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
        errors={fields?.name}
        placeholder="Acme SRE"
      />
      <TextField
        label="URL"
        name="slug"
        required
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
        errors={fields?.slug}
        hint={<>Your team lives at /t/{slug || "your-team"}. Lowercase letters, digits and dashes.</>}
      />
      <TimeZoneField zones={zones} defaultValue={values.timeZone} errors={fields?.timeZone} />
      <SubmitButton pendingLabel="Creating team…">Create team</SubmitButton>
    </form>
  );
}
