import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { kindLabel } from "@/lib/mail/kinds";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe" };

export default async function StopEmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  const claim = readUnsubscribeToken(token);
  const what = claim ? (claim.kind === "digest" ? "the daily digest" : `“${kindLabel(claim.kind)}”`) : "";
  return (
    <>
      <h1 className="text-xl font-semibold">Unsubscribe</h1>
      {claim ? (
        <>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">You will still see these notifications in the app.</p>
          <UnsubscribeForm token={token} what={what} />
        </>
      ) : (
        <Alert tone="error" className="mt-6">This unsubscribe link is not valid.</Alert>
      )}
      <p className="mt-6 text-sm">
        <Link className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500" href="/account/notifications">
          All notification settings
        </Link>
      </p>
    </>
  );
}
