"use client";

import { useState } from "react";

type Person = { id: string; name: string; role: string };
type Mention = { personId: string; match: string; context: string };

/**
 * Each member named in the public text, the role that replaces their name (chosen here, sent with
 * the publish form), and every place it happens — so the publisher sees each replacement first.
 */
export function PeopleReplacements({ people, mentions, roleOptions, formId, editable }: { people: Person[]; mentions: Mention[]; roleOptions: readonly string[]; formId: string; editable: boolean }) {
  const [roles, setRoles] = useState<Record<string, string>>(() => Object.fromEntries(people.map((p) => [p.id, p.role])));
  if (people.length === 0) return <p className="text-emerald-700 dark:text-emerald-300">No team member is named in what will be public.</p>;
  return (
    <div className="space-y-3">
      <p className="font-medium">
        {mentions.length} mention{mentions.length === 1 ? "" : "s"} of team members will be replaced by a role:
      </p>
      {people.map((person) => {
        const id = `role-${person.id}`;
        return (
          <div key={person.id} className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={id} className="font-medium">
                {person.name} becomes
              </label>
              {editable ? (
                <select
                  id={id}
                  name={`role:${person.id}`}
                  form={formId}
                  value={roles[person.id]}
                  onChange={(e) => setRoles({ ...roles, [person.id]: e.target.value })}
                  className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 dark:border-zinc-700 dark:bg-zinc-950"
                >
                  {roleOptions.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              ) : (
                <span id={id}>“{roles[person.id]}”</span>
              )}
            </div>
            <ul className="mt-2 space-y-1" aria-label={`Replacements of ${person.name}`}>
              {mentions
                .filter((m) => m.personId === person.id)
                .map((m, i) => (
                  <li key={i} className="text-xs text-zinc-700 dark:text-zinc-300">
                    <code className="break-all">{m.match}</code> → <strong>{roles[person.id]}</strong>
                    <span className="block text-zinc-600 dark:text-zinc-400">{m.context}</span>
                  </li>
                ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
