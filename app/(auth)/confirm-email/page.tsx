import type { Metadata } from "next";
import { TokenLinkForm } from "@/components/auth/token-link-form";
import { confirmEmailChangeAction } from "@/lib/auth/actions";

export const metadata: Metadata = { title: "Confirm your new address" };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  return (
    <>
      <h1 className="text-xl font-semibold">Use this address for your account</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Your account moves to the address this link was sent to.</p>
      <TokenLinkForm
        token={token}
        action={confirmEmailChangeAction}
        label="Use this address"
        pendingLabel="Changing…"
        next={{ href: "/account", label: "Account settings" }}
      />
    </>
  );
}
