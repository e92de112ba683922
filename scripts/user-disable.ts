import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db";
import { notifyAccessChanged } from "../lib/realtime/notify";

/**
 * Disables (or with --enable, re-enables) an account. A disabled user's sessions stop working
 * on their next request, and they cannot sign in. Usage: npm run user:disable -- someone@example.com
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { enable: { type: "boolean" } } });
const email = positionals[0]?.trim().toLowerCase();
const url = process.env.DATABASE_URL;
if (!email || !url) {
  console.error("Usage: DATABASE_URL=… npm run user:disable -- <email> [--enable]");
  process.exit(1);
}
const prisma = createPrismaClient(url, 1);
try {
  const updated = await prisma.user.updateMany({ where: { email }, data: { disabledAt: values.enable ? null : new Date() } });
  if (updated.count === 0) {
    console.error(`No account for ${email}.`);
    process.exitCode = 1;
  } else {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    // Sessions are also refused while the user is disabled; revoking them keeps re-enabling from reviving them.
    if (!values.enable) await prisma.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await notifyAccessChanged(prisma, null, user.id);
    await prisma.auditEvent.create({ data: { actorId: null, action: values.enable ? "user.enabled" : "user.disabled", targetType: "user", targetId: user.id } });
    console.log(`${email} is now ${values.enable ? "enabled" : "disabled"}.`);
  }
} finally {
  await prisma.$disconnect();
}
