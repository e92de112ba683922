"use client";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        // Loaded on click: the document store (Yjs) and the auth client weigh more than the rest of
        // the shell and are needed by no page until someone signs out.
        const [{ clearLocalCopies }, { signOut }] = await Promise.all([import("@/components/postmortems/editor/local-copies"), import("next-auth/react")]);
        await clearLocalCopies().catch(() => undefined);
        await signOut({ callbackUrl: "/sign-in" });
      }}
      className="w-full rounded-md px-3 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      Sign out
    </button>
  );
}
