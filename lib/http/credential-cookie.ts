import { credentialCookieName } from "../contracts/cookies";
import type { Env } from "../env";

/** Whether cookies get the Secure flag: COOKIE_SECURE, or (auto) when the request came over HTTPS. */
export function cookiesSecure(env: Env, req: Request): boolean {
  const https = (req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")) === "https";
  return env.COOKIE_SECURE === "true" || (env.COOKIE_SECURE === "auto" && https);
}

/** Set-Cookie headers for a participant credential (httpOnly, SameSite=Lax, Secure behind HTTPS) and any new device cookie. */
export function sessionCookieHeaders(env: Env, req: Request, callId: string, credential: string, deviceCookie: string | null): Headers {
  const headers = new Headers();
  const secure = cookiesSecure(env, req) ? "; Secure" : "";
  headers.append(
    "Set-Cookie",
    `${credentialCookieName(callId)}=${credential}; Path=/; Max-Age=${env.CREDENTIAL_TTL_HOURS * 3600}; HttpOnly; SameSite=Lax${secure}`,
  );
  if (deviceCookie) headers.append("Set-Cookie", deviceCookie);
  return headers;
}
