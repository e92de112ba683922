"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** The new token's secret, shown once: it is never stored, so it cannot be shown again. */
export function SecretReveal({ name, secret }: { name: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-lg bg-brand-50 p-4 ring-1 ring-brand-100 dark:bg-brand-700/10 dark:ring-brand-700/40">
      <label htmlFor="new-token-secret" className="text-sm font-medium">
        Token “{name}” — copy it now; it is shown only once
      </label>
      <div className="mt-2 flex gap-2">
        <input id="new-token-secret" readOnly value={secret} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Send it as <code className="font-mono">Authorization: Bearer …</code> to <code className="font-mono">/api/v1</code>. It does not sign anyone in to the app.
      </p>
    </div>
  );
}
