import { after } from "next/server";
import { receiveDelivery } from "@/lib/alerts/intake";
import { processDelivery } from "@/lib/alerts/process";

/** Alert intake for monitoring systems: authenticated by the source's secret, never by a session. */
export async function POST(request: Request, { params }: { params: Promise<{ sourceId: string }> }) {
  const { sourceId } = await params;
  return receiveDelivery(request, sourceId, (work) => after(work), processDelivery);
}
