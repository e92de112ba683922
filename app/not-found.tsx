import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-500">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonClass("secondary")}>
        Go home
      </Link>
    </main>
  );
}
