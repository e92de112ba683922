import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security-headers";

/**
 * Routing only: it sets this request's CSP nonce. It makes no access decision — every page,
 * action and route handler checks the session and permissions itself.
 */
export function proxy(request: NextRequest) {
  // The publish preview is a public page rendered for the team: it sets the public pages' stricter policy itself.
  if (request.nextUrl.pathname.endsWith("/postmortem/publish/preview")) return NextResponse.next();
  // Uploaded files are served with their own sandbox policy; the app's would replace it.
  if (request.nextUrl.pathname.startsWith("/api/uploads/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "production");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Public postmortems (/p/…) set their own, stricter policy.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|fonts/|p/|p\\.css|favicon\\.svg).*)" }],
};
