import { randomBytes } from "node:crypto";
import { parseCookies } from "./headers";

export const DEVICE_COOKIE = "earshot_device";
const ONE_YEAR = 365 * 24 * 3600;

/**
 * The browser's long-lived id (httpOnly): it is how a ban on a guest outlives
 * a deleted call cookie. Returns the id, and a Set-Cookie when it is new.
 */
export function deviceOf(req: Request, secure: boolean): { id: string; setCookie: string | null } {
  const existing = parseCookies(req.headers.get("cookie"))[DEVICE_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return { id: existing, setCookie: null };
  const id = randomBytes(18).toString("base64url");
  return { id, setCookie: `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}` };
}
