/** A secret shown once, selectable in one click. */
export function SecretReveal({ secret }: { secret: string }) {
  return (
    <code data-testid="new-secret" className="mt-2 block select-all rounded bg-white px-2 py-1 font-mono text-xs break-all text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      {secret}
    </code>
  );
}
