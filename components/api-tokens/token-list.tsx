import type { TokenRow } from "@/lib/api/tokens/queries";
import { formatDateTime } from "@/lib/time/format";
import { RevokeTokenButton } from "./revoke-token-button";

function state(token: TokenRow, now: Date): { label: string; live: boolean } {
  if (token.revokedAt) return { label: `Revoked ${formatDateTime(token.revokedAt, "UTC")}`, live: false };
  if (token.expiresAt && token.expiresAt <= now) return { label: `Expired ${formatDateTime(token.expiresAt, "UTC")}`, live: false };
  return { label: token.expiresAt ? `Expires ${formatDateTime(token.expiresAt, "UTC")}` : "Never expires", live: true };
}

const ACCESS = { READ: "read", WRITE: "read and write" } as const;

/** Times are shown in UTC: a token belongs to no incident, and may span teams in several zones. */
export function TokenList({ tokens, teamId, empty }: { tokens: TokenRow[]; teamId?: string; empty: string }) {
  const now = new Date();
  if (tokens.length === 0) return <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="API tokens">
      {tokens.map((token) => {
        const status = state(token, now);
        return (
          <li key={token.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3 text-sm">
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                {token.name} <code className="ml-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">{token.prefix}…</code>
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{[...token.scopes].sort((a, b) => a.team.name.localeCompare(b.team.name)).map((s) => `${s.team.name}: ${ACCESS[s.access]}`).join(" · ")}</p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Created {formatDateTime(token.createdAt, "UTC")} · {status.label} · {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt, "UTC")}` : "never used"}
              </p>
            </div>
            {status.live && <RevokeTokenButton tokenId={token.id} teamId={teamId} name={token.name} />}
          </li>
        );
      })}
    </ul>
  );
}
