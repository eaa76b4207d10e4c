import { credentialCookieName } from "../auth/credentials";
import type { Env } from "../env";

/** Set-Cookie for a participant credential: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export function credentialCookie(env: Env, req: Request, callId: string, credential: string): string {
  const https = env.COOKIE_SECURE === "true" || (env.COOKIE_SECURE === "auto" && isHttps(req));
  const maxAge = env.CREDENTIAL_TTL_HOURS * 3600;
  return `${credentialCookieName(callId)}=${credential}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
}

function isHttps(req: Request): boolean {
  return (req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")) === "https";
}
