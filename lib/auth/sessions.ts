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

/** The user behind a session id, or null when it was revoked, expired or the user is disabled. */
export async function loadSessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  // From the user's side, so Prisma sends one statement (the session as an EXISTS) on every page view.
  const user = await db().user.findFirst({
    where: { id: userId, disabledAt: null, sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } } } },
    select: { id: true, email: true, name: true, image: true, emailVerified: true },
  });
  return user ? { ...user, emailVerified: user.emailVerified !== null, sessionId } : null;
}
