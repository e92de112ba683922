import { db } from "@/lib/db";
import { authorize } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadActor } from "@/lib/teams/actor";
import { parseGeneric } from "@/lib/alerts/formats/generic";
import { AlertShapeError } from "@/lib/alerts/formats/normalized";
import { previewMappingSchema } from "@/lib/alerts/schema";
import { recentDeliveries } from "@/lib/alerts/queries";

export type PreviewResult = { deliveryId: string; receivedAt: string; ok: boolean; result: string };

/** A mapping tried against the source's last bodies before it is saved: what each would become. */
export async function previewMapping(userId: string, input: unknown): Promise<PreviewResult[]> {
  const data = parseInput(previewMappingSchema, input);
  const actor = await loadActor(db(), userId, data.teamId);
  authorize(actor, "alertSource.manage", { teamId: data.teamId });
  const source = await db().alertSource.findFirst({ where: { id: data.sourceId, teamId: data.teamId }, select: { id: true } });
  if (!source) throw new AppError("NOT_FOUND", "This alert source was not found.");
  const deliveries = await recentDeliveries(actor, data.teamId, source.id);
  const results: PreviewResult[] = [];
  for (const delivery of deliveries) {
    const base = { deliveryId: delivery.id, receivedAt: delivery.receivedAt.toISOString() };
    try {
      const parsed = await parseGeneric(JSON.parse(delivery.body), data.mapping);
      const alerts = parsed.alerts.map(({ dedupKey, status, title, severity, labels, startsAt }) => ({ title, severity, dedupKey, status, startsAt: startsAt?.toISOString() ?? null, labels }));
      results.push({ ...base, ok: true, result: JSON.stringify(alerts.length === 1 ? alerts[0] : alerts, null, 2) });
    } catch (error) {
      if (!(error instanceof AlertShapeError) && !(error instanceof SyntaxError)) throw error;
      results.push({ ...base, ok: false, result: error.message });
    }
  }
  return results;
}
