import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";

/** The client's address for the current server action or page render. */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
