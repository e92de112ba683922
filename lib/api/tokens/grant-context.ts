import { AsyncLocalStorage } from "node:async_hooks";
import type { TokenGrant } from "@/lib/authz";

// The token travels with the request rather than through every mutation's signature: loadActor
// reads it, so a mutation reached from the API cannot forget to apply the token's scope.
const storage = new AsyncLocalStorage<TokenGrant>();

export function runAsToken<T>(grant: TokenGrant, run: () => Promise<T>): Promise<T> {
  return storage.run(grant, run);
}

export function currentGrant(): TokenGrant | null {
  return storage.getStore() ?? null;
}
