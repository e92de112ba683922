"use client";

import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/action-state";
import type { FieldErrors } from "@/lib/errors";

export type VersionedRenderProps = { values: Record<string, string>; fields?: FieldErrors };
type Saved = { message: string; warning: boolean } | null;
type Ok<T> = Extract<ActionState<T>, { status: "ok" }>;

type Props<T> = {
  action: (previous: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  /** The record's current version, as the page last loaded it. */
  version: number;
  /** Hidden fields naming the record (teamId, taskId…); `version` is added. */
  hidden: Record<string, string>;
  submitLabel: string;
  size?: "sm" | "md";
  /** What to say after a save; by default the action's message. */
  describeSaved?: (result: Ok<T>) => Saved;
  children: (props: VersionedRenderProps) => React.ReactNode;
};

/**
 * Every versioned edit form: it follows the latest version until the user starts typing, then
 * holds on to the version they started from. If someone else saved in between, the server refuses
 * and names them; the typed text stays in the form, and "Load latest values" fetches the page
 * again and starts over from their version.
 */
export function VersionedForm<T>(props: Props<T>) {
  const router = useRouter();
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
        router.refresh();
      }}
    />
  );
}

type InnerProps<T> = Props<T> & { saved: Saved; onEdit: () => void; onSaved: (saved: Saved) => void; onReload: () => void };

function Inner<T>({ action: save, version, hidden, submitLabel, size = "sm", describeSaved, children, saved, onEdit, onSaved, onReload }: InnerProps<T>) {
  const [state, action] = useActionState(async (previous: ActionState<T>, form: FormData) => {
    const result = await save(previous, form);
    if (result.status === "ok") onSaved(describeSaved ? describeSaved(result) : { message: result.message ?? "Saved.", warning: false });
    return result;
  }, idle);
  const values = state.status === "error" ? state.values : {};
  const fields = state.status === "error" ? state.error.fields : undefined;
  const conflict = state.status === "error" && state.error.code === "CONFLICT";
  return (
    <form action={action} onInput={onEdit} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
        <SubmitButton size={size} pendingLabel="Saving…">
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
