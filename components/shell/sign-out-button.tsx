"use client";

import { signOut } from "next-auth/react";
import { clearLocalCopies } from "@/components/postmortems/editor/local-copies";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await clearLocalCopies().catch(() => undefined);
        await signOut({ callbackUrl: "/sign-in" });
      }}
      className="w-full rounded-md px-3 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      Sign out
    </button>
  );
}
