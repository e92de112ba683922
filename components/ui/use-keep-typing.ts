"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { idle, type ActionState } from "@/lib/action-state";

const isCheckbox = (field: unknown): field is HTMLInputElement => field instanceof HTMLInputElement && field.type === "checkbox";

const resetSelect = (select: HTMLSelectElement) => {
  const initial = [...select.options].findIndex((option) => option.defaultSelected);
  select.selectedIndex = Math.max(initial, 0);
};

/** Sets a text field's value as typing would, so listeners such as the limit counter see it. */
function setText(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

type FormAction<T> = (previous: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/**
 * A quick-entry form that never loses what is typed after Enter. A form `action` resets every
 * field once the server answers, erasing keystrokes typed while it worked, and re-keying the form
 * drops focus to the page (where single-key shortcuts live). Here the sent fields are emptied at
 * once, so typing goes on into a fresh entry; the form is never reset or re-mounted; and if the
 * server refuses, the sent text comes back — unless something new has been typed meanwhile.
 */
export function useKeepTyping<T>(action: FormAction<T>, clearOnSubmit: string[]) {
  const [state, dispatch, pending] = useActionState(action, idle);
  const form = useRef<HTMLFormElement>(null);
  const clear = useRef(clearOnSubmit);

  useEffect(() => {
    if (state.status !== "error" || !form.current) return;
    for (const name of clear.current) {
      const field = form.current.elements.namedItem(name);
      const sent = state.values[name];
      if (isCheckbox(field)) field.checked ||= sent === "on";
      else if (field instanceof HTMLSelectElement && sent !== undefined) field.value = sent;
      else if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.value === "" && sent) setText(field, sent);
    }
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const data = new FormData(target);
    for (const name of clear.current) {
      const field = target.elements.namedItem(name);
      if (isCheckbox(field)) field.checked = false;
      else if (field instanceof HTMLSelectElement) resetSelect(field);
      else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) setText(field, "");
    }
    startTransition(() => dispatch(data));
  }

  return { state, pending, form, onSubmit };
}
