"use client";

import { useId, useState } from "react";
import { cx } from "@/components/ui/cx";
import { LimitCount } from "@/components/ui/limit-counter";
import { COMMENT_MAX } from "@/lib/comments/schema";

export type Member = { id: string; name: string };

/** The "@partial" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() } : null;
}

/**
 * A comment box where "@" offers the team's members (arrow keys and Enter to pick). Picked
 * people are sent as ids alongside the text; the server notifies only those still named in it.
 */
export function MentionTextarea({ name, members, label, defaultValue = "", autoFocus }: { name: string; members: Member[]; label: string; defaultValue?: string; autoFocus?: boolean }) {
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [picked, setPicked] = useState<Member[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query ? members.filter((m) => m.name.toLowerCase().includes(query.query)).slice(0, 6) : [];

  function choose(member: Member, textarea: HTMLTextAreaElement | null) {
    if (!query) return;
    const caret = textarea?.selectionStart ?? text.length;
    const next = `${text.slice(0, query.start)}@${member.name} ${text.slice(caret)}`;
    setText(next);
    setPicked((list) => (list.some((m) => m.id === member.id) ? list : [...list, member]));
    setQuery(null);
    requestAnimationFrame(() => {
      const at = query.start + member.name.length + 2;
      textarea?.focus();
      textarea?.setSelectionRange(at, at);
    });
  }

  return (
    <div className="relative">
      <div className="flex justify-between gap-2">
        <label className="sr-only" htmlFor={`${listId}-input`}>{label}</label>
        <LimitCount length={text.length} max={COMMENT_MAX} />
      </div>
      <textarea
        id={`${listId}-input`}
        name={name}
        value={text}
        autoFocus={autoFocus}
        rows={3}
        required
        placeholder="Write a comment — type @ to mention someone"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setQuery(mentionQuery(e.target.value, e.target.selectionStart));
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (matches.length === 0) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
          } else if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            const member = matches[active];
            if (member) choose(member, e.currentTarget);
          } else if (e.key === "Escape") {
            setQuery(null);
          }
        }}
        className="block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Mention a member" className="absolute z-20 mt-1 w-full overflow-hidden rounded-md border border-zinc-200 bg-white text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {matches.map((member, i) => (
            <li
              key={member.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(member, e.currentTarget.closest("div")?.querySelector("textarea") ?? null);
              }}
              className={cx("cursor-pointer px-3 py-1.5", i === active && "bg-brand-50 dark:bg-brand-700/30")}
            >
              {member.name}
            </li>
          ))}
        </ul>
      )}
      {picked.filter((m) => text.includes(`@${m.name}`)).map((m) => (
        <input key={m.id} type="hidden" name="mentions" value={m.id} />
      ))}
    </div>
  );
}
