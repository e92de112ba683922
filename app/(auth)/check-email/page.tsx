import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Check your inbox" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, "/");
  const email = params.email?.slice(0, 254);
  return (
    <>
      <h1 className="text-xl font-semibold">Check your inbox</h1>
      <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
        We sent a message to <strong className="font-medium">{email ?? "your address"}</strong>. Open the link in it to confirm the address.
      </p>
      <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
        You can sign in with your password right away; until the address is confirmed, Hindsight sends it no notification e-mails.
      </p>
      <Link
        href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        className="mt-6 inline-block font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500"
      >
        Continue to sign in
      </Link>
    </>
  );
}
