"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { resendVerificationAction } from "@/lib/auth/actions";

/** Shown on every page until the account's address is confirmed. */
export function UnverifiedBanner({ email }: { email: string }) {
  const [state, action] = useActionState(resendVerificationAction, idle);
  return (
    <div role="status" className="border-b border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
      <form action={action} className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm sm:px-6">
        <span>
          <strong className="font-semibold">Unverified address.</strong>{" "}
          {state.status === "ok" ? state.message : state.status === "error" ? state.error.message : `Open the link we sent to ${email} to confirm it; until then you get no e-mail notifications.`}
        </span>
        <SubmitButton variant="secondary" size="sm" pendingLabel="Sending…">
          Resend link
        </SubmitButton>
      </form>
    </div>
  );
}
