import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { oauthProviderList } from "@/lib/auth/providers";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { oauthMessage } from "@/lib/auth/oauth-messages";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, "/");
  if (await getCurrentUser()) redirect(callbackUrl);
  const providerError = params.error && params.error !== "CredentialsSignin" ? (oauthMessage(params.error) ?? "Sign-in failed. Please try again.") : undefined;
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in to Hindsight</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviderList()} initialError={providerError} />
      <p className="mt-4 text-center text-sm">
        <Link className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500" href="/forgot-password">
          Forgot password?
        </Link>
      </p>
    </>
  );
}
