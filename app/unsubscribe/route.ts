import { NextResponse, type NextRequest } from "next/server";
import { unsubscribe } from "@/lib/mail/mutations";

/**
 * The List-Unsubscribe URL. A GET (someone clicking the link, or a scanner) only shows the
 * confirmation page; the POST is the mail client's one-click unsubscribe (RFC 8058), which
 * carries no session or Origin — the signed token in the URL is the authorisation.
 */
export function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  return NextResponse.redirect(new URL(`/stop-emails?token=${encodeURIComponent(token)}`, request.nextUrl), 303);
}

export async function POST(request: NextRequest) {
  const done = await unsubscribe(request.nextUrl.searchParams.get("token") ?? "");
  if (!done) return NextResponse.json({ error: { code: "NOT_FOUND", message: "This unsubscribe link is not valid." } }, { status: 404 });
  return new NextResponse("Unsubscribed.\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}
