"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { savePreferencesAction } from "@/lib/mail/actions";
import type { Channel } from "@/lib/mail/kinds";

type Props = {
  channels: { kind: string; label: string; channel: Channel }[];
  dailyDigest: boolean;
  timeZone: string | null;
  incidentSeverities: string[];
  severities: readonly string[];
};

const CHOICES: { value: Channel; label: string }[] = [
  { value: "EMAIL", label: "In app and e-mail" },
  { value: "IN_APP", label: "In app" },
  { value: "OFF", label: "Off" },
];

const radio = "size-4 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

export function PreferencesForm({ channels, dailyDigest, timeZone, incidentSeverities, severities }: Props) {
  const [state, action] = useActionState(savePreferencesAction, idle);
  const fields = state.status === "error" ? state.error.fields : undefined;
  return (
    <form action={action} className="space-y-6">
      {state.status === "ok" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && !fields && <Alert tone="error">{state.error.message}</Alert>}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Where each kind of notification goes</caption>
          <thead>
            <tr className="text-left text-xs text-zinc-600 dark:text-zinc-400">
              <th scope="col" className="py-2 pr-3 font-medium">Notification</th>
              {CHOICES.map((c) => (
                <th key={c.value} scope="col" className="px-2 py-2 text-center font-medium">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {channels.map((k) => (
              <tr key={k.kind}>
                <th scope="row" className="py-2 pr-3 text-left font-normal" id={`kind-${k.kind}`}>{k.label}</th>
                {CHOICES.map((c) => (
                  <td key={c.value} className="px-2 py-2 text-center">
                    <input type="radio" className={radio} name={`channel.${k.kind}`} value={c.value} defaultChecked={k.channel === c.value} aria-label={`${k.label}: ${c.label}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Incidents to hear about when declared or resolved</legend>
        <div className="flex flex-wrap gap-4">
          {severities.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className={radio} name={`severity.${s}`} defaultChecked={incidentSeverities.includes(s)} />
              {s}
            </label>
          ))}
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">None checked: no notices when incidents are declared or resolved.</p>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className={radio} name="dailyDigest" defaultChecked={dailyDigest} />
        Send me a daily digest of unread notifications (around 08:00 in my time zone)
      </label>
      <TextField label="Time zone for e-mails" name="timeZone" defaultValue={timeZone ?? ""} placeholder="Europe/Berlin" errors={fields?.timeZone} hint="An IANA name. Empty: each team's time zone." />
      <SubmitButton pendingLabel="Saving…">Save notification settings</SubmitButton>
    </form>
  );
}
