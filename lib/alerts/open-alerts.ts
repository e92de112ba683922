import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { AlertLink } from "@/lib/alerts/formats/normalized";

export type OpenAlert = { id: string; status: string; title: string; incidentId: string | null };

type Description = { title: string; severity: string; labels: Record<string, string>; annotations: Record<string, string>; links: AlertLink[]; payload: string };
export type Repeat = { seenAt: Date; deliveryId: string; acknowledged: boolean; description: Description | null };
type Pending = Repeat & { count: number };

const OPEN_ALERT = { id: true, status: true, title: true, incidentId: true } as const;

/**
 * A source's open alerts as a batch of deliveries sees them, by dedup key. Repeats of an open
 * alert (a firing group re-sent every few minutes) only bump its count, so they are added up here
 * and written once per alert per batch; anything else that touches the alert flushes them first,
 * so the rows always read as if every delivery had been applied on its own, in order.
 */
export class OpenAlerts {
  private readonly known = new Map<string, OpenAlert | null>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly tx: Tx,
    private readonly sourceId: string,
  ) {}

  /** Loads the open alerts for these keys in one query. */
  async preload(keys: Iterable<string>): Promise<void> {
    const wanted = [...new Set(keys)].filter((key) => !this.known.has(key));
    if (wanted.length === 0) return;
    const rows = await this.tx.alert.findMany({ where: { sourceId: this.sourceId, openKey: { in: wanted } }, select: { ...OPEN_ALERT, openKey: true } });
    for (const key of wanted) this.known.set(key, null);
    for (const { openKey, ...alert } of rows) if (openKey) this.known.set(openKey, alert);
  }

  async find(key: string): Promise<OpenAlert | null> {
    if (!this.known.has(key)) await this.preload([key]);
    return this.known.get(key) ?? null;
  }

  remember(key: string, alert: OpenAlert): void {
    this.known.set(key, alert);
  }

  forget(key: string): void {
    this.known.set(key, null);
  }

  repeat(alert: OpenAlert, seen: Repeat): void {
    const before = this.pending.get(alert.id);
    this.pending.set(alert.id, {
      count: (before?.count ?? 0) + 1,
      seenAt: seen.seenAt,
      deliveryId: seen.deliveryId,
      acknowledged: seen.acknowledged || (before?.acknowledged ?? false),
      description: seen.description ?? before?.description ?? null,
    });
    if (seen.acknowledged) alert.status = "ACKNOWLEDGED";
    if (seen.description) alert.title = seen.description.title;
  }

  /** Writes the repeats added up for one alert, or for all of them. */
  async flush(alertId?: string): Promise<void> {
    const ids = alertId === undefined ? [...this.pending.keys()] : this.pending.has(alertId) ? [alertId] : [];
    for (const id of ids) {
      const repeats = this.pending.get(id)!;
      this.pending.delete(id);
      const data: Prisma.AlertUpdateInput = { count: { increment: repeats.count }, lastSeenAt: repeats.seenAt, lastDeliveryId: repeats.deliveryId };
      if (repeats.acknowledged) data.status = "ACKNOWLEDGED";
      if (repeats.description) Object.assign(data, repeats.description);
      await this.tx.alert.update({ where: { id }, data });
    }
  }
}
