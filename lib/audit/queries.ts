import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/authz";
import { decodeCursor, toPage } from "@/lib/pagination";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated on (createdAt, id) — served by the (teamId, createdAt, id) index. */
export async function listAuditEvents(actor: Actor, teamId: string, rawCursor?: string | null) {
  authorize(actor, "audit.read", { teamId });
  const cursor = decodeCursor(rawCursor);
  const at = cursor ? new Date(cursor.at) : null;
  const rows = await db().auditEvent.findMany({
    where: {
      teamId,
      ...(cursor && at && !Number.isNaN(at.getTime())
        ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      data: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return toPage(rows, AUDIT_PAGE_SIZE, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
}
