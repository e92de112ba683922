"use client";

import { useState, useTransition } from "react";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import type { OAuthProviderInfo } from "@/lib/auth/providers";

type Props = { callbackUrl: string; providers: OAuthProviderInfo[]; initialError?: string };

export function SignInForm({ callbackUrl, providers, initialError }: Props) {
  const [error, setError] = useState(initialError);
  const [pending, startTransition] = useTransition();

  // A plain submit handler rather than a form action: React resets forms after actions, and a
  // failed sign-in must keep the email that was typed.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    startTransition(async () => {
      setError(undefined);
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.");
        return;
      }
      window.location.assign(callbackUrl);
    });
  }

  return (
    <div className="mt-6 space-y-6">
      {/* method=post: submitted before hydration, the browser must never put the password in a URL. */}
      <form onSubmit={submit} method="post" className="space-y-4" noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField label="Email" name="email" type="email" autoComplete="email" required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending && <Spinner />}
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2">
          <p className="text-center text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">or continue with</p>
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" className="w-full" onClick={() => signIn(p.id, { callbackUrl })}>
              {p.name}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
