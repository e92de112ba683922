import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">We will e-mail you a link to choose a new one.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
