import type { Metadata } from "next";
import { TokenLinkForm } from "@/components/auth/token-link-form";
import { verifyEmailAction } from "@/lib/auth/actions";

export const metadata: Metadata = { title: "Confirm your address" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  return (
    <>
      <h1 className="text-xl font-semibold">Confirm your e-mail address</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">One click, and Hindsight knows this address is yours.</p>
      <TokenLinkForm
        token={token}
        action={verifyEmailAction}
        label="Confirm my address"
        pendingLabel="Confirming…"
        next={{ href: "/", label: "Continue to Hindsight" }}
      />
    </>
  );
}
