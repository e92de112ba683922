import { db } from "@/lib/db";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createSession(userId: string, userAgent?: string | null): Promise<string> {
  const session = await db().userSession.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  image: string | null;
  /** Whether the address is confirmed; unconfirmed accounts see a "resend" banner and get no mail but account mail. */
  emailVerified: boolean;
  sessionId: string;
};

type SessionUserRow = Omit<SessionUser, "sessionId">;

/** The user behind a session id, or null when it was revoked, expired or the user is disabled. */
export async function loadSessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  // Every page view runs this: one prepared statement, the session as an EXISTS, and no model query to plan.
  const [user] = await db().$queryRaw<SessionUserRow[]>`
    SELECT u.id, u.email, u.name, u.image, u."emailVerified" IS NOT NULL AS "emailVerified"
      FROM "User" u
     WHERE u.id = ${userId} AND u."disabledAt" IS NULL
       AND EXISTS (SELECT 1 FROM "UserSession" s
                    WHERE s.id = ${sessionId} AND s."userId" = u.id AND s."revokedAt" IS NULL AND s."expiresAt" > ${new Date()})`;
  return user ? { ...user, sessionId } : null;
}
