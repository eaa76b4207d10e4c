import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment, mediaUrlSettings } from "./lib/env";
import { contentSecurityPolicy, liveKitOrigins } from "./lib/http/content-security-policy";
import { mediaPublicUrl } from "./lib/livekit/public-url";

/** Gives every page render a fresh CSP nonce (Next reads it from the request's CSP header). */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // The same URL the server puts in this page's tokens.
  const page = new URL(`${request.nextUrl.protocol}//${request.headers.get("host") ?? request.nextUrl.host}`);
  const mediaUrl = mediaPublicUrl(mediaUrlSettings(), page, request.headers.get("x-forwarded-proto"));
  const csp = contentSecurityPolicy({ nonce, dev: isDevelopment(), liveKitOrigins: liveKitOrigins(mediaUrl) });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
