import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authorize } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { loadActor } from "@/lib/teams/actor";
import { recordAudit } from "@/lib/audit/record";
import { packArchive } from "@/lib/team-transfer/archive";
import { exportTeam } from "@/lib/team-transfer/export";

/** The team archive for an owner's download (Settings → General); the download is audited. */
export async function teamArchiveFor(userId: string, slug: string): Promise<{ filename: string; body: Buffer }> {
  await db().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { slug }, select: { id: true } });
    if (!team) throw notFound("This team");
    authorize(await loadActor(tx, userId, team.id), "team.export", { teamId: team.id });
    await recordAudit(tx, { teamId: team.id, actorId: userId, action: "team.exported", targetType: "team", targetId: team.id });
  });
  // Its own connection: the export reads every table in one repeatable-read snapshot.
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    const archive = await exportTeam(client, slug);
    return { filename: `${slug}-${archive.exportedAt.slice(0, 10)}.hindsight.json.gz`, body: packArchive(archive) };
  } finally {
    await client.end();
  }
}
