import { after } from "next/server";
import { receiveDelivery } from "@/lib/alerts/intake";
import { fromWebRequest, toWebResponse } from "@/lib/alerts/intake-http";
import { processDelivery } from "@/lib/alerts/process";

/**
 * Alert intake for monitoring systems: authenticated by the source's secret, never by a session.
 * The production server answers these ahead of Next.js (lib/alerts/front-door.ts); this route
 * serves `npm run dev` and anything the front door passes on.
 */
export async function POST(request: Request, { params }: { params: Promise<{ sourceId: string }> }) {
  const { sourceId } = await params;
  return toWebResponse(await receiveDelivery(fromWebRequest(request), sourceId, (work) => after(work), processDelivery));
}
