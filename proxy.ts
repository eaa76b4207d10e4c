import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, liveKitOrigins } from "./lib/http/content-security-policy";

/** Gives every page render a fresh CSP nonce (Next reads it from the request's CSP header). */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    liveKitOrigins: liveKitOrigins(process.env, request.headers.get("host") ?? request.nextUrl.host, https),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
