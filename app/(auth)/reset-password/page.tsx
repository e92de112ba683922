import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { peekEmailToken } from "@/lib/auth/email-tokens";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  const usable = await peekEmailToken(token, "RESET_PASSWORD");
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="mt-6 space-y-4">
          <Alert tone="error">This reset link has expired or was already used.</Alert>
          <Link className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500" href="/forgot-password">
            Ask for a new link
          </Link>
        </div>
      )}
    </>
  );
}
