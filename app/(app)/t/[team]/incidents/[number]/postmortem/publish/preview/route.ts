import { getCurrentUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { PUBLIC_CSP } from "@/lib/publishing/public-headers";
import { renderPreview } from "@/lib/publishing/preview";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

/** The public page as publishing would produce it now, for the team only. */
export async function GET(_request: Request, { params }: { params: Promise<{ team: string; number: string }> }) {
  const user = await getCurrentUser();
  if (!user) return notFound();
  const { team, number } = await params;
  try {
    const body = await renderPreview(user.id, team, Number(number));
    return new Response(body, {
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PUBLIC_CSP, "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
    });
  } catch (error) {
    if (isAppError(error)) return notFound();
    throw error;
  }
}
