/** The keyset of the deliveries list, as an opaque URL value: "<createdAt ISO>_<id>". */
export function encodeDeliveryCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

export function decodeDeliveryCursor(value: string | undefined): { createdAt: Date; id: string } | null {
  const match = value?.match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_([a-z0-9]{10,40})$/);
  if (!match?.[1] || !match[2]) return null;
  const createdAt = new Date(match[1]);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2] };
}
