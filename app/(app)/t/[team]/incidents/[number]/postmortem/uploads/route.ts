import { sameOriginWrite } from "@/lib/same-origin-route";
import { saveImage } from "@/lib/uploads/mutations";

/** Image upload from the editor (multipart field "file"). */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  return sameOriginWrite(request, async (userId) => {
    const { team, number } = await params;
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    return Response.json(await saveImage(userId, team, Number(number), file instanceof File ? file : null), { status: 201 });
  });
}
