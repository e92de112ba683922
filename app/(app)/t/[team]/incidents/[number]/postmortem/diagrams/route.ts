import { sameOriginWrite } from "@/lib/same-origin-route";
import { saveDiagram } from "@/lib/postmortems/diagrams";

/** The editor keeps each Mermaid picture it draws (JSON `{ source, svg }`). */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  return sameOriginWrite(request, async (userId) => {
    const { team, number } = await params;
    const input: unknown = await request.json().catch(() => null);
    return Response.json(await saveDiagram(userId, team, Number(number), input), { status: 201 });
  });
}
