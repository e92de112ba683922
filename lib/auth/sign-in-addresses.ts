import { db } from "@/lib/db";

/** How long an address stays familiar after the last sign-in from it. */
const REMEMBER_DAYS = 90;

/** Whether the account behind `email` signed in from `ip` recently. */
export async function isKnownAddress(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - REMEMBER_DAYS * 24 * 60 * 60 * 1000);
  const row = await db().signInAddress.findFirst({ where: { ip, lastSeenAt: { gte: since }, user: { email } }, select: { ip: true } });
  return row !== null;
}

export async function rememberAddress(userId: string, ip: string): Promise<void> {
  if (ip === "unknown") return;
  await db().signInAddress.upsert({
    where: { userId_ip: { userId, ip } },
    create: { userId, ip },
    update: { lastSeenAt: new Date() },
  });
}
