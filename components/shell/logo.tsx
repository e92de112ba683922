export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900 dark:text-zinc-100">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-brand-600 dark:text-brand-500">
        <circle cx="12" cy="12" r="10" fill="currentColor" opacity="0.15" />
        <path d="M12 6v6l4 2" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
        <path d="M4.5 9A8 8 0 1 1 4 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
        <path d="M2.5 7.5 4.5 9l1.8-1.9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" fill="none" />
      </svg>
      {!compact && <span className="text-lg">Hindsight</span>}
    </span>
  );
}
